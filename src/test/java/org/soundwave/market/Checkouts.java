package org.soundwave.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.soundwave.platform.Http.json;
import static org.soundwave.platform.StandardDataset.single;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.soundwave.platform.Http;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/** Orders as the tests place and follow them: a product to sell, a checkout on a chosen node, the order's status. */
public final class Checkouts {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Checkouts() {
    }

    /** A new product for sale with this stock and price, created by the administrator; its id. */
    public static long product(TestCluster cluster, String admin, int stock, String price) {
        HttpResponse<String> created = Http.send("POST", cluster.url("/api/products"), admin, Json.createObjectBuilder()
                .add("category", "synthesizers").add("name", "Order test " + UUID.randomUUID()).add("price", price).add("stock", stock)
                .build().toString());
        assertEquals(201, created.statusCode(), created.body());
        return json(created).getJsonNumber("id").longValue();
    }

    /** POST /api/orders straight to one node, with an Idempotency-Key unless {@code key} is null. */
    public static HttpResponse<String> checkout(TestCluster cluster, String node, String token, String key, Map<Long, Integer> items) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        items.forEach((id, quantity) -> lines.add(Json.createObjectBuilder().add("productId", id).add("quantity", quantity)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.nodeUrl(node, "/api/orders")))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("items", lines).build().toString()));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("checkout failed", e);
        }
    }

    public static long stock(TestCluster cluster, long product) {
        return single(cluster, "SELECT stock FROM product WHERE id = ?", product);
    }

    /** The order's status as stored ("absent" if there is no such order). */
    public static String status(TestCluster cluster, long order) {
        return StandardDataset.texts(cluster, "SELECT status FROM customer_order WHERE id = ?", order).stream().findFirst().orElse("absent");
    }

    public static void awaitStatus(TestCluster cluster, long order, Set<String> statuses) {
        TestCluster.awaitTrue("order " + order + " to become one of " + statuses, Duration.ofSeconds(90),
                () -> statuses.contains(status(cluster, order)));
    }
}
