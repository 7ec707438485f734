package org.soundwave.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.Http.json;
import static org.soundwave.platform.Http.send;
import static org.soundwave.platform.StandardDataset.longs;
import static org.soundwave.platform.StandardDataset.single;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/** The market's API against the seeded catalog, checked against SQL; who may do what; bad input. */
public class MarketApiIT {

    /** A 1x1 PNG (also uploaded by the browser test). */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static TestCluster cluster;
    private static String admin;
    private static String member;

    @BeforeAll
    static void start() {
        cluster = StandardDataset.cluster();
        admin = Http.adminToken(cluster);
        member = Http.newMember(cluster, "mk" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Every product of a listing, following nextCursor; fails if any product comes twice. */
    private static List<Long> walk(String query, int limit) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            String url = cluster.url("/api/products?limit=" + limit + query + (cursor == null ? "" : "&cursor=" + cursor));
            HttpResponse<String> page = cluster.get(url);
            assertEquals(200, page.statusCode(), url + " " + page.body());
            JsonObject body = json(page);
            body.getJsonArray("items").getValuesAs(JsonObject.class).forEach(p -> ids.add(p.getJsonNumber("id").longValue()));
            cursor = body.containsKey("nextCursor") && !body.isNull("nextCursor") ? body.getString("nextCursor") : null;
        } while (cursor != null);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "each product once: " + query);
        return ids;
    }

    @Test
    void everyListingWalksItsProductsOnceInTheOrderSqlGives() {
        Map<String, String> orders = Map.of("name", "lower(name), id", "-name", "lower(name) DESC, id DESC",
                "price", "price, id", "-price", "price DESC, id DESC");
        String slug = category(2);
        orders.forEach((sort, order) -> {
            assertEquals(longs(cluster, "SELECT id FROM product WHERE active ORDER BY " + order), walk("&sort=" + sort, 37), sort);
            assertEquals(longs(cluster, "SELECT id FROM product WHERE active AND category_id = 2 ORDER BY " + order),
                    walk("&sort=" + sort + "&category=" + slug, 11), sort + " in " + slug);
            assertEquals(longs(cluster, "SELECT id FROM product WHERE active AND lower(name) LIKE '%lorem%' ORDER BY " + order),
                    walk("&sort=" + sort + "&q=LoReM", 7), sort + " searching lorem");
        });
        assertEquals(List.of(), walk("&category=no-such-shelf", 10));
        assertEquals(List.of(), walk("&q=" + URLEncoder.encode("100%_", StandardCharsets.UTF_8), 10), "wildcards match themselves");
    }

    private static JsonArray categories() {
        return Json.createReader(new StringReader(cluster.get(cluster.url("/api/categories")).body())).readArray();
    }

    /** The slug of the category with this id. */
    private static String category(long id) {
        return categories().getValuesAs(JsonObject.class).stream().filter(c -> c.getJsonNumber("id").longValue() == id)
                .findFirst().orElseThrow().getString("slug");
    }

    @Test
    void categoriesCountTheirProductsForSaleAndAProductShowsItsRating() {
        JsonArray categories = categories();
        assertEquals(StandardDataset.CATEGORIES, categories.size());
        for (JsonObject c : categories.getValuesAs(JsonObject.class)) {
            assertEquals(single(cluster, "SELECT count(*) FROM product WHERE active AND category_id = ?", c.getJsonNumber("id").longValue()),
                    c.getJsonNumber("productCount").longValue(), c.getString("name"));
        }
        long id = single(cluster, "SELECT min(id) FROM product WHERE active AND id % 4 = 3");
        JsonObject product = json(cluster.get(cluster.url("/api/products/" + id)));
        assertEquals(single(cluster, "SELECT count(*) FROM review WHERE product_id = ?", id), product.getJsonNumber("reviewCount").longValue());
        BigDecimal average = new BigDecimal(product.getString("averageRating"));
        assertEquals(0, average.compareTo(sqlDecimal("SELECT round(avg(rating), 1) FROM review WHERE product_id = " + id)));
        assertTrue(product.getString("price").matches("[0-9]+\\.[0-9]{2}"), "price with two decimals: " + product);
        JsonObject reviews = json(cluster.get(cluster.url("/api/products/" + id + "/reviews?limit=2")));
        assertEquals(2, reviews.getJsonArray("items").size());
    }

    private static BigDecimal sqlDecimal(String sql) {
        try (var c = StandardDataset.db(cluster); var s = c.createStatement(); var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getBigDecimal(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String product(String name, String price, int stock) {
        return Json.createObjectBuilder().add("category", category(1)).add("name", name).add("description", "A test product.")
                .add("price", price).add("stock", stock).build().toString();
    }

    @Test
    void onlyAdministratorsChangeTheCatalog() {
        String body = product("Guarded " + UUID.randomUUID(), "10.00", 3);
        assertEquals(401, send("POST", cluster.url("/api/products"), null, body).statusCode());
        assertEquals(403, send("POST", cluster.url("/api/products"), member, body).statusCode());
        HttpResponse<String> created = send("POST", cluster.url("/api/products"), admin, body);
        assertEquals(201, created.statusCode(), created.body());
        long id = json(created).getJsonNumber("id").longValue();
        assertEquals(403, send("PUT", cluster.url("/api/products/" + id), member, body).statusCode());
        assertEquals(403, send("DELETE", cluster.url("/api/products/" + id), member, null).statusCode());
        assertEquals(403, send("POST", cluster.url("/api/categories"), member,
                "{\"name\":\"Nope\",\"slug\":\"nope\"}").statusCode());
        assertEquals(403, upload(member, "image/png", PNG).statusCode());

        HttpResponse<String> changed = send("PUT", cluster.url("/api/products/" + id), admin, product("Renamed " + id, "12.50", 0));
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("12.50", json(changed).getString("price"));
        assertEquals("out of stock", json(changed).getString("stockState"));
        // every node sees the change at once (the catalog cache is emptied after commit)
        for (String node : TestCluster.ACTIVE) {
            assertEquals("Renamed " + id, json(cluster.get(cluster.nodeUrl(node, "/api/products/" + id))).getString("name"));
        }
        assertEquals(204, send("DELETE", cluster.url("/api/products/" + id), admin, null).statusCode());
        assertEquals(404, cluster.get(cluster.url("/api/products/" + id)).statusCode(), "not for sale any more");
        assertEquals(200, send("GET", cluster.url("/api/products/" + id), admin, null).statusCode(), "admins still see it");
        assertFalse(walk("&sort=-name", 100).contains(id));
    }

    @Test
    void badInputGetsFieldErrorsAndNothingIsStored() {
        long products = single(cluster, "SELECT count(*) FROM product");
        Map<String, String> bad = Map.of(
                "price", product("Negative", "-1.00", 1),
                "stock", product("Negative stock", "1.00", -1));
        bad.forEach((field, body) -> assertField(send("POST", cluster.url("/api/products"), admin, body), 400, field));
        assertField(send("POST", cluster.url("/api/products"), admin, product("Too precise", "1.001", 1)), 400, "price");
        assertField(send("POST", cluster.url("/api/products"), admin, product("Huge stock", "1.00", 1_000_000_000)), 400, "stock");
        assertField(send("POST", cluster.url("/api/products"), admin, Json.createObjectBuilder().add("category", "no-such-shelf")
                .add("name", "x").add("price", "1.00").add("stock", 1).build().toString()), 400, "category");
        assertEquals(products, single(cluster, "SELECT count(*) FROM product"), "nothing stored");

        long id = single(cluster, "SELECT min(id) FROM product WHERE active");
        long reviews = single(cluster, "SELECT count(*) FROM review");
        assertField(send("POST", cluster.url("/api/products/" + id + "/reviews"), member, "{\"rating\":6,\"content\":\"Too good\"}"), 400, "rating");
        assertField(send("POST", cluster.url("/api/products/" + id + "/reviews"), member, "{\"rating\":0}"), 400, "rating");
        assertEquals(404, send("POST", cluster.url("/api/products/987654321/reviews"), member, "{\"rating\":5}").statusCode());
        assertEquals(reviews, single(cluster, "SELECT count(*) FROM review"));

        assertField(send("PUT", cluster.url("/api/cart/items/" + id), member, "{\"quantity\":0}"), 400, "quantity");
        assertField(send("PUT", cluster.url("/api/cart/items/" + id), member, "{\"quantity\":1000000000}"), 400, "quantity");
        assertEquals(404, send("PUT", cluster.url("/api/cart/items/987654321"), member, "{\"quantity\":1}").statusCode());
        assertEquals(0, json(send("GET", cluster.url("/api/cart/items"), member, null)).getInt("itemCount"));
        assertEquals(400, send("GET", cluster.url("/api/products?sort=popularity"), null, null).statusCode());
        assertEquals(400, send("GET", cluster.url("/api/products?cursor=bogus"), null, null).statusCode());
        assertEquals(400, send("GET", cluster.url("/api/products?limit=101"), null, null).statusCode());
    }

    private static void assertField(HttpResponse<String> response, int status, String field) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(json(response).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("field").endsWith(field)), field + " named in " + response.body());
    }

    @Test
    void imagesAreCheckedStoredOnceAndServedByEveryNode() throws Exception {
        assertEquals(413, upload(admin, "image/png", new byte[5 * 1024 * 1024]).statusCode(), "5 MB");
        assertEquals(415, upload(admin, "image/png", "<html>not an image</html>".getBytes(StandardCharsets.UTF_8)).statusCode(), "not an image");
        assertEquals(415, upload(admin, "text/plain", PNG).statusCode(), "declared as text");
        long images = single(cluster, "SELECT count(*) FROM image");
        HttpResponse<String> stored = upload(admin, "image/png", PNG);
        assertEquals(201, stored.statusCode(), stored.body());
        assertEquals(images + 1, single(cluster, "SELECT count(*) FROM image"));
        String url = json(stored).getString("url");
        for (String node : TestCluster.ACTIVE) {
            HttpResponse<byte[]> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cluster.nodeUrl(node, url))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, image.statusCode());
            assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
            assertTrue(image.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
            assertTrue(java.util.Arrays.equals(PNG, image.body()), "the same bytes from " + node);
        }
        long imageId = json(stored).getJsonNumber("id").longValue();
        HttpResponse<String> created = send("POST", cluster.url("/api/products"), admin, Json.createObjectBuilder()
                .add("category", category(1)).add("name", "Pictured " + imageId).add("price", "3.00").add("stock", 2)
                .add("imageId", imageId).build().toString());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(url, json(created).getString("imageUrl"));
    }

    private static HttpResponse<String> upload(String token, String type, byte[] bytes) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cluster.url("/api/images")))
                    .header("Authorization", "Bearer " + token).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("upload failed", e);
        }
    }

    @Test
    void aMembersCartIsTheirsAndAddsUpExactly() {
        String other = Http.newMember(cluster, "mo" + UUID.randomUUID().toString().substring(0, 8));
        List<Long> ids = longs(cluster, "SELECT id FROM product WHERE active AND stock > 0 ORDER BY id LIMIT 2");
        assertEquals(401, send("GET", cluster.url("/api/cart/items"), null, null).statusCode());
        send("PUT", cluster.url("/api/cart/items/" + ids.get(0)), member, "{\"quantity\":3}");
        JsonObject cart = json(send("PUT", cluster.url("/api/cart/items/" + ids.get(1)), member, "{\"quantity\":2}"));
        assertEquals(5, cart.getInt("itemCount"));
        BigDecimal expected = sqlDecimal("SELECT sum(price * CASE id WHEN " + ids.get(0) + " THEN 3 ELSE 2 END) FROM product WHERE id IN ("
                + ids.get(0) + "," + ids.get(1) + ")");
        assertEquals(expected.setScale(2).toPlainString(), cart.getString("subtotal"));
        assertEquals(0, json(send("GET", cluster.url("/api/cart/items"), other, null)).getInt("itemCount"), "another member's cart is empty");
        assertEquals(3, json(send("DELETE", cluster.url("/api/cart/items/" + ids.get(1)), member, null)).getInt("itemCount"));
        assertEquals(0, json(send("DELETE", cluster.url("/api/cart/items"), member, null)).getInt("itemCount"));
    }

    @Test
    void aMemberReviewsAProductOnceAndItsRatingChangesAtOnceEverywhere() {
        String reviewer = Http.newMember(cluster, "mr" + UUID.randomUUID().toString().substring(0, 8));
        long id = single(cluster, "SELECT min(id) FROM product WHERE active AND id % 4 = 0");   // no reviews yet
        for (String node : TestCluster.ACTIVE) {
            assertEquals(0, json(cluster.get(cluster.nodeUrl(node, "/api/products/" + id))).getJsonNumber("reviewCount").longValue());
        }
        HttpResponse<String> reviewed = send("POST", cluster.url("/api/products/" + id + "/reviews"), reviewer,
                "{\"rating\":4,\"content\":\"Warm <b>sound</b>.\"}");
        assertEquals(201, reviewed.statusCode(), reviewed.body());
        assertEquals(409, send("POST", cluster.url("/api/products/" + id + "/reviews"), reviewer, "{\"rating\":1}").statusCode());
        for (String node : TestCluster.ACTIVE) {
            JsonObject product = json(cluster.get(cluster.nodeUrl(node, "/api/products/" + id)));
            assertEquals(1, product.getJsonNumber("reviewCount").longValue(), node);
            assertEquals("4.0", product.getString("averageRating"), node);
        }
        JsonObject review = json(cluster.get(cluster.url("/api/products/" + id + "/reviews"))).getJsonArray("items").getJsonObject(0);
        assertEquals("Warm <b>sound</b>.", review.getString("content"));
        assertTrue(review.get("rating").getValueType() == JsonValue.ValueType.NUMBER);
    }
}
