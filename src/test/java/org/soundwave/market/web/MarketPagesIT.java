package org.soundwave.market.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.Http.json;
import static org.soundwave.platform.Http.send;
import static org.soundwave.platform.StandardDataset.longs;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.PageVisitor;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/**
 * The market's pages over HTTP: the right products in the right order, 404s, who reaches the admin pages. That a
 * visitor's cart outlives its node is NodeDeathIT's.
 */
class MarketPagesIT {

    private static final Pattern PRODUCT = Pattern.compile("<li class=\"product-summary\" id=\"product-(\\d+)\"");
    private static final Pattern MORE = Pattern.compile("id=\"more\" rel=\"next\" href=\"([^\"]+)\"");

    private static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = StandardDataset.cluster();
    }

    @Test
    void aCategoryPageWalksItsProductsInEitherOrder() {
        for (String sort : List.of("name", "-price")) {
            String order = sort.equals("name") ? "lower(name), id" : "price DESC, id DESC";
            List<Long> shown = new ArrayList<>();
            String url = "/shop/" + slug(1) + "?sort=" + sort;
            while (url != null) {
                HttpResponse<String> page = cluster.get(cluster.url(url));
                assertEquals(200, page.statusCode(), url);
                Matcher m = PRODUCT.matcher(page.body());
                while (m.find()) {
                    shown.add(Long.parseLong(m.group(1)));
                }
                Matcher more = MORE.matcher(page.body());
                url = more.find() ? more.group(1).replace("&amp;", "&") : null;
            }
            assertEquals(longs(cluster, "SELECT id FROM product WHERE active AND category_id = 1 ORDER BY " + order), shown, sort);
        }
        for (String missing : List.of("/shop/no-such-shelf", "/products/987654321",
                "/products/" + StandardDataset.single(cluster, "SELECT min(id) FROM product WHERE NOT active"))) {
            HttpResponse<String> response = cluster.get(cluster.url(missing));
            assertEquals(404, response.statusCode(), missing);
            assertTrue(response.body().contains("Page not found"), missing);
        }
        assertEquals(400, cluster.get(cluster.url("/shop/" + slug(1) + "?sort=popularity")).statusCode());
    }

    @Test
    void aVisitorsMarketPagesAreSharedByTheNodesAndAStockChangeReplacesThem() {
        String admin = Http.adminToken(cluster);
        HttpResponse<String> created = send("POST", cluster.url("/api/products"), admin, Json.createObjectBuilder()
                .add("category", "synthesizers").add("name", "Page cache test " + UUID.randomUUID()).add("price", "12.00")
                .add("stock", 3).build().toString());
        assertEquals(201, created.statusCode(), created.body());
        long product = json(created).getJsonNumber("id").longValue();
        List<String> pages = List.of("/products/" + product, "/shop/synthesizers?sort=-name", "/shop");
        for (String path : pages) {
            HttpResponse<String> first = cluster.get(cluster.nodeUrl("node1", path));
            assertEquals(200, first.statusCode(), path);
            assertEquals("MISS", first.headers().firstValue("X-Cache").orElse(""), path);
            HttpResponse<String> second = cluster.get(cluster.nodeUrl("node2", path));
            assertEquals("HIT", second.headers().firstValue("X-Cache").orElse(""), path + " on node2, from node1's rendering");
            assertEquals(first.body(), second.body(), path);
        }
        assertTrue(cluster.get(cluster.nodeUrl("node2", "/products/" + product)).body().contains("only 3 left"));

        String buyer = Http.newMember(cluster, "pc" + UUID.randomUUID().toString().substring(0, 8));
        HttpResponse<String> order = Http.sendWithHeaders("POST", cluster.url("/api/orders"), buyer,
                "{\"items\":[{\"productId\":" + product + ",\"quantity\":2}]}", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(202, order.statusCode(), order.body());
        for (String node : TestCluster.ACTIVE) {
            HttpResponse<String> after = cluster.get(cluster.nodeUrl(node, "/products/" + product));
            assertTrue(after.body().contains("only 1 left"), node + " shows the stock after the order ("
                    + after.headers().firstValue("X-Cache").orElse("") + ")");
            assertTrue(cluster.get(cluster.nodeUrl(node, "/shop/synthesizers?sort=-name")).body().contains("only 1 left"),
                    node + " lists it with the new stock");
        }
    }

    /** The slug of the category with this id. */
    private static String slug(long id) {
        return StandardDataset.texts(cluster, "SELECT slug FROM category WHERE id = ?", id).get(0);
    }


    @Test
    void onlyAdministratorsReachTheAdminPages() {
        HttpResponse<String> visitor = cluster.get(cluster.url("/admin/products"));
        assertEquals(302, visitor.statusCode());
        assertTrue(visitor.headers().firstValue("Location").orElse("").contains("/sign-in?next="), "sent to sign in");
        String name = "ca" + UUID.randomUUID().toString().substring(0, 8);
        Http.newMember(cluster, name);
        PageVisitor member = new PageVisitor();
        member.signIn(cluster.url(""), name, "correct horse");
        for (String path : List.of("/admin/products", "/admin/products/new", "/admin/categories", "/admin/product.xhtml")) {
            HttpResponse<String> page = member.get(cluster.url(path));
            assertEquals(403, page.statusCode(), path);
            assertTrue(page.body().contains("Not allowed"), path);
        }
    }
}
