package org.soundwave.platform.cache;

import static org.soundwave.platform.Http.adminToken;
import static org.soundwave.platform.Http.send;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.soundwave.platform.TestCluster;

/** Cache levels switched and emptied through the admin API, as an operator (or bin/cluster cache) does. */
public final class CacheControl {

    private CacheControl() {
    }

    /** Changes a level's settings and waits until both active nodes report them (the settings replicate). */
    public static void set(TestCluster cluster, String level, boolean enabled, int ttlSeconds) {
        String token = adminToken(cluster);
        HttpResponse<String> changed = send("PUT", cluster.nodeUrl("node1", "/api/admin/caches/" + level), token,
                Json.createObjectBuilder().add("enabled", enabled).add("ttlSeconds", ttlSeconds).build().toString());
        if (changed.statusCode() != 200) {
            throw new AssertionError("PUT cache " + level + ": " + changed.body());
        }
        TestCluster.awaitTrue(level + " enabled=" + enabled + " ttl=" + ttlSeconds + " on every active node", Duration.ofSeconds(10),
                () -> TestCluster.ACTIVE.stream().allMatch(node -> {
                    JsonObject view = level(cluster, node, token, level);
                    return view.getBoolean("enabled") == enabled && view.getInt("ttlSeconds") == ttlSeconds;
                }));
    }

    /** Back to the shipped defaults (every level on, their configured times to live), emptied. */
    public static void defaults(TestCluster cluster) {
        set(cluster, "page", true, 60);
        set(cluster, "shop", true, 60);
        set(cluster, "fragment", true, 60);
        set(cluster, "count", true, 300);
        set(cluster, "listing", true, 60);
        set(cluster, "catalog", true, 60);
        clearAll(cluster);
    }

    public static void allOff(TestCluster cluster) {
        set(cluster, "page", false, 60);
        set(cluster, "shop", false, 60);
        set(cluster, "fragment", false, 60);
        set(cluster, "count", false, 300);
        set(cluster, "listing", false, 60);
        set(cluster, "catalog", false, 60);
    }

    public static void clearAll(TestCluster cluster) {
        HttpResponse<String> cleared = send("DELETE", cluster.nodeUrl("node1", "/api/admin/caches/entries"), adminToken(cluster), null);
        if (cleared.statusCode() != 204) {
            throw new AssertionError("DELETE caches: " + cleared.body());
        }
    }

    /** One level as a node's admin API shows it (its settings and that node's statistics). */
    public static JsonObject level(TestCluster cluster, String node, String token, String level) {
        HttpResponse<String> levels = send("GET", cluster.nodeUrl(node, "/api/admin/caches"), token, null);
        if (levels.statusCode() != 200) {
            throw new AssertionError("GET caches on " + node + ": " + levels.body());
        }
        JsonArray all = Json.createReader(new StringReader(levels.body())).readArray();
        return all.getValuesAs(JsonObject.class).stream().filter(o -> o.getString("level").equals(level)).findFirst()
                .orElseThrow(() -> new AssertionError("no level " + level + " in " + levels.body()));
    }
}
