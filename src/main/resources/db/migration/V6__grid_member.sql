-- PostgreSQL as the data grid's witness: every node notes here, each second, its Hazelcast address and
-- the members of the grid it sees. A node that finds recent notes of members outside its own grid, in a
-- larger grid that does not have it either, has been cut off from them (a network partition: members
-- that died or left stop noting, and their last notes still count this node in), and its readiness
-- goes DOWN until the grids have merged again.
CREATE TABLE grid_member (
    address VARCHAR(64) PRIMARY KEY,
    node    VARCHAR(64) NOT NULL,
    grid    TEXT NOT NULL,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
