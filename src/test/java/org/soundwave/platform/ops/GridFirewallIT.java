package org.soundwave.platform.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.TestCluster;

/**
 * A closed grid: each node's host admits its Hazelcast port to the other nodes only. Another host of the
 * network (PostgreSQL's, the balancer's) and this machine are refused at once; the members still form
 * one grid of all three (HealthIT checks their view; ClusterMembershipIT that a node added later joins).
 */
class GridFirewallIT {

    private static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestCluster.get();
        cluster.hostsNet().orElseThrow(() -> new AssertionError("the test cluster runs on hosts of its own (--hosts)"));
    }

    /** Whether a TCP connection from that host to the node's Hazelcast port is accepted. */
    private static boolean connects(String from, String node) {
        TestCluster.Result result = cluster.onHost(from, "timeout", "5", "bash", "-c",
                "exec 3<>/dev/tcp/" + cluster.host(node) + "/" + cluster.hazelcastPort(node) + " && echo connected");
        return result.exitCode() == 0 && result.output().contains("connected");
    }

    @Test
    void onlyTheOtherNodesReachANodesGridPort() {
        for (String node : TestCluster.NODES) {
            for (String other : TestCluster.NODES) {
                if (!other.equals(node)) {
                    assertTrue(connects(other, node), other + " reaches " + node + "'s grid port");
                }
            }
            assertEquals(false, connects("db", node), "PostgreSQL's host is refused by " + node);
            assertEquals(false, connects("lb", node), "the balancer's host is refused by " + node);
            IOException refused = assertThrows(IOException.class, () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(cluster.host(node), cluster.hazelcastPort(node)), 5000);
                }
            }, "this machine is refused by " + node);
            assertTrue(refused.getMessage().toLowerCase().contains("refused"), "refused at once, not left to time out: " + refused);
        }
    }
}
