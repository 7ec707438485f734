package org.soundwave.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.Http.send;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/** Operators' view of the caches: the admin API (who may use it, bad input, the off switch) and /metrics. */
class CacheAdminIT {

    private static final List<String> LEVELS = List.of("page", "shop", "fragment", "count", "listing", "catalog");

    private static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = StandardDataset.cluster();
    }

    @AfterEach
    void defaults() {
        CacheControl.defaults(cluster);
    }

    @Test
    void onlyAdministratorsSeeOrChangeTheCaches() {
        String member = Http.newMember(cluster, "ca" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(401, send("GET", cluster.url("/api/admin/caches"), null, null).statusCode());
        assertEquals(403, send("GET", cluster.url("/api/admin/caches"), member, null).statusCode());
        assertEquals(403, send("PUT", cluster.url("/api/admin/caches/page"), member, "{\"enabled\":false}").statusCode());
        assertEquals(403, send("DELETE", cluster.url("/api/admin/caches/entries"), member, null).statusCode());
        assertTrue(CacheControl.level(cluster, "node1", Http.adminToken(cluster), "page").getBoolean("enabled"));
    }

    @Test
    void badChangesGetProblemsAndChangeNothing() {
        String admin = Http.adminToken(cluster);
        HttpResponse<String> ttl = send("PUT", cluster.url("/api/admin/caches/page"), admin, "{\"enabled\":false,\"ttlSeconds\":0}");
        assertEquals(400, ttl.statusCode());
        assertEquals("application/problem+json", ttl.headers().firstValue("Content-Type").orElse(""));
        assertTrue(ttl.body().contains("ttlSeconds"), ttl.body());
        HttpResponse<String> level = send("PUT", cluster.url("/api/admin/caches/everything"), admin, "{\"enabled\":false}");
        assertEquals(404, level.statusCode());
        assertTrue(level.body().contains("page, shop, fragment, count, listing, catalog"), level.body());
        assertEquals(400, send("PUT", cluster.url("/api/admin/caches/page"), admin, "{\"enabled\":").statusCode());
        assertEquals(400, send("PUT", cluster.url("/api/admin/caches/page"), admin, null).statusCode());
        JsonObject page = CacheControl.level(cluster, "node2", admin, "page");
        assertTrue(page.getBoolean("enabled"));
        assertEquals(60, page.getInt("ttlSeconds"));
    }

    @Test
    void aLevelSwitchedOffIsNeitherReadNorFilledOnAnyNode() {
        CacheControl.set(cluster, "page", false, 60);
        for (String node : List.of("node1", "node2", "node1")) {
            HttpResponse<String> page = cluster.get(cluster.nodeUrl(node, "/posts?page=4"));
            assertEquals("BYPASS", page.headers().firstValue("X-Cache").orElse(""), node);
        }
        CacheControl.set(cluster, "page", true, 60);
        assertEquals("MISS", cluster.get(cluster.nodeUrl("node1", "/posts?page=4")).headers().firstValue("X-Cache").orElse(""),
                "switched off, the level was emptied");
        assertEquals("HIT", cluster.get(cluster.nodeUrl("node2", "/posts?page=4")).headers().firstValue("X-Cache").orElse(""));
    }

    @Test
    void metricsCountEachLevelsHitsMissesPutsAndEvictionsOnEachNode() {
        CacheControl.clearAll(cluster);
        long hitsBefore = metric("node2", "soundwave_cache_hits_total", "page");
        cluster.get(cluster.nodeUrl("node1", "/posts?page=6"));
        cluster.get(cluster.nodeUrl("node2", "/posts?page=6"));
        assertEquals(hitsBefore + 1, metric("node2", "soundwave_cache_hits_total", "page"), "node2's hit counted on node2");
        for (String node : TestCluster.ACTIVE) {
            for (String level : LEVELS) {
                for (String name : List.of("soundwave_cache_hits_total", "soundwave_cache_misses_total",
                        "soundwave_cache_puts_total", "soundwave_cache_evictions", "soundwave_cache_entries")) {
                    assertTrue(metric(node, name, level) >= 0, node + " " + name + " " + level);
                }
            }
        }
        JsonObject view = CacheControl.level(cluster, "node1", Http.adminToken(cluster), "page");
        assertTrue(view.getJsonNumber("puts").longValue() >= 1, "the admin API shows the same statistics: " + view);
    }

    /** A value from the node's Prometheus text at /metrics; fails if the series is missing. */
    private static long metric(String node, String name, String level) {
        HttpResponse<String> metrics = cluster.get(cluster.nodeUrl(node, "/metrics"));
        assertEquals(200, metrics.statusCode());
        Matcher m = Pattern.compile("(?m)^" + name + "\\{cache=\"" + level + "\"[^}]*\\} ([0-9.eE+]+)$").matcher(metrics.body());
        assertTrue(m.find(), name + "{cache=" + level + "} on " + node);
        return (long) Double.parseDouble(m.group(1));
    }
}
