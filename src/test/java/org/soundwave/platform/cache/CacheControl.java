package org.soundwave.platform.cache;

import static org.soundwave.platform.Http.adminToken;
import static org.soundwave.platform.Http.send;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.soundwave.platform.TestCluster;

/** Cache levels switched and emptied through the admin API, as an operator (or bin/cluster cache) does. */
public final class CacheControl {

    private CacheControl() {
    }

    /** A level's settings: on or off, and its time to live. */
    private record Setting(boolean enabled, int ttlSeconds) {
    }

    /** Changes a level's settings and waits until both active nodes report them (the settings replicate). */
    public static void set(TestCluster cluster, String level, boolean enabled, int ttlSeconds) {
        apply(cluster, Map.of(level, new Setting(enabled, ttlSeconds)));
    }

    /** Back to the shipped defaults (every level on, their configured times to live), emptied. */
    public static void defaults(TestCluster cluster) {
        apply(cluster, all(true));
        clearAll(cluster);
    }

    public static void allOff(TestCluster cluster) {
        apply(cluster, all(false));
    }

    private static Map<String, Setting> all(boolean enabled) {
        Map<String, Setting> levels = new LinkedHashMap<>();
        for (String level : List.of("page", "shop", "fragment", "listing", "catalog")) {
            levels.put(level, new Setting(enabled, 60));
        }
        levels.put("count", new Setting(enabled, 300));
        return levels;
    }

    /** Changes the levels' settings, then waits until both active nodes report all of them. */
    private static void apply(TestCluster cluster, Map<String, Setting> levels) {
        String token = adminToken(cluster);
        levels.forEach((level, setting) -> {
            HttpResponse<String> changed = send("PUT", cluster.nodeUrl("node1", "/api/admin/caches/" + level), token,
                    Json.createObjectBuilder().add("enabled", setting.enabled()).add("ttlSeconds", setting.ttlSeconds()).build().toString());
            if (changed.statusCode() != 200) {
                throw new AssertionError("PUT cache " + level + ": " + changed.body());
            }
        });
        TestCluster.awaitTrue(levels + " on every active node", Duration.ofSeconds(10),
                () -> TestCluster.ACTIVE.stream().allMatch(node -> {
                    Map<String, JsonObject> seen = levels(cluster, node, token);
                    return levels.entrySet().stream().allMatch(wanted -> {
                        JsonObject view = seen.get(wanted.getKey());
                        return view != null && view.getBoolean("enabled") == wanted.getValue().enabled()
                                && view.getInt("ttlSeconds") == wanted.getValue().ttlSeconds();
                    });
                }));
    }

    public static void clearAll(TestCluster cluster) {
        HttpResponse<String> cleared = send("DELETE", cluster.nodeUrl("node1", "/api/admin/caches/entries"), adminToken(cluster), null);
        if (cleared.statusCode() != 204) {
            throw new AssertionError("DELETE caches: " + cleared.body());
        }
    }

    /** One level as a node's admin API shows it (its settings and that node's statistics). */
    public static JsonObject level(TestCluster cluster, String node, String token, String level) {
        JsonObject view = levels(cluster, node, token).get(level);
        if (view == null) {
            throw new AssertionError("no level " + level + " on " + node);
        }
        return view;
    }

    /** Every level as a node's admin API shows it, by name. */
    private static Map<String, JsonObject> levels(TestCluster cluster, String node, String token) {
        HttpResponse<String> levels = send("GET", cluster.nodeUrl(node, "/api/admin/caches"), token, null);
        if (levels.statusCode() != 200) {
            throw new AssertionError("GET caches on " + node + ": " + levels.body());
        }
        JsonArray all = Json.createReader(new StringReader(levels.body())).readArray();
        return all.getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(o -> o.getString("level"), o -> o));
    }
}
