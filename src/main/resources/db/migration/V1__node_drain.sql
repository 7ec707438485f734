-- Operators drain a node (or every node, '*') before stopping it: its readiness turns DOWN, httpd's
-- health check takes it out of the balancer, in-flight requests finish. Stored here so the switch is
-- shared by the whole cluster and survives restarts until the operator lifts it.
CREATE TABLE node_drain (
    node       VARCHAR(64) PRIMARY KEY,
    reason     VARCHAR(200),
    drained_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
