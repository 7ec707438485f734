package org.soundwave.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.Http.json;
import static org.soundwave.platform.StandardDataset.single;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/**
 * Orders on the real cluster: no oversell, all or nothing, idempotent, declines. That orders being processed when a node
 * dies end once each is NodeDeathIT's.
 */
class OrdersIT {

    private static TestCluster cluster;
    private static String admin;

    @BeforeAll
    static void start() {
        cluster = StandardDataset.cluster();
        admin = Http.adminToken(cluster);
    }

    private static String member() {
        return Http.newMember(cluster, "or" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static long product(int stock, String price) {
        return Checkouts.product(cluster, admin, stock, price);
    }

    private static HttpResponse<String> checkout(String node, String token, String key, Map<Long, Integer> items) {
        return Checkouts.checkout(cluster, node, token, key, items);
    }

    private static long stock(long product) {
        return Checkouts.stock(cluster, product);
    }

    private static String status(long order) {
        return Checkouts.status(cluster, order);
    }

    private static void awaitStatus(long order, Set<String> statuses) {
        Checkouts.awaitStatus(cluster, order, statuses);
    }

    @Test
    void twoHundredBuyersOfTheLastTenUnitsOnTwoNodesGetExactlyTen() throws Exception {
        long product = product(10, "49.00");
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            buyers.add(member());
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong lowest = new AtomicLong(Long.MAX_VALUE);
        Thread watcher = new Thread(() -> {
            while (running.get()) {
                lowest.accumulateAndGet(stock(product), Math::min);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            watcher.start();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String node = TestCluster.ACTIVE.get(i % 2);
                String token = buyers.get(i % buyers.size());
                String key = "oversell-" + i;
                responses.add(pool.submit(() -> {
                    go.await();
                    return checkout(node, token, key, Map.of(product, 1));
                }));
            }
            go.countDown();
            int accepted = 0;
            int refused = 0;
            for (Future<HttpResponse<String>> response : responses) {
                int status = response.get().statusCode();
                accepted += status == 202 ? 1 : 0;
                refused += status == 409 ? 1 : 0;
            }
            running.set(false);
            watcher.join();
            assertEquals(10, accepted, "accepted");
            assertEquals(190, refused, "refused with 409");
            assertEquals(0, stock(product));
            assertTrue(lowest.get() >= 0, "stock never below zero: " + lowest.get());
            assertEquals(10, single(cluster, "SELECT coalesce(sum(quantity), 0) FROM order_item WHERE product_id = ?", product));
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void anOrderWhoseSecondItemIsOutOfStockReservesNothing() {
        long plenty = product(5, "10.00");
        long none = product(0, "20.00");
        String token = member();
        HttpResponse<String> refused = checkout("node1", token, "multi-" + UUID.randomUUID(), Map.of(plenty, 2, none, 1));
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(json(refused).getJsonArray("errors").getJsonObject(0).getString("field").equals("items." + none), refused.body());
        assertEquals(5, stock(plenty), "nothing reserved");
        assertEquals(0, single(cluster, "SELECT count(*) FROM order_item WHERE product_id = ?", plenty));
    }

    @Test
    void theSameKeySentTwentyTimesAtOnceIsOneOrder() throws Exception {
        long product = product(50, "5.00");
        String token = member();
        String key = "same-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String node = TestCluster.ACTIVE.get(i % 2);
                responses.add(pool.submit(() -> {
                    go.await();
                    return checkout(node, token, key, Map.of(product, 2));
                }));
            }
            go.countDown();
            Set<Long> ids = new HashSet<>();
            for (Future<HttpResponse<String>> response : responses) {
                assertEquals(202, response.get().statusCode(), response.get().body());
                ids.add(json(response.get()).getJsonNumber("id").longValue());
            }
            assertEquals(1, ids.size(), "one order: " + ids);
            assertEquals(48, stock(product), "reserved once");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(400, checkout("node1", token, null, Map.of(product, 1)).statusCode(), "no key, no order");
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderAndPutsTheStockBack() {
        long product = product(3, "13.13");   // the simulated provider declines amounts ending in .13
        HttpResponse<String> placed = checkout("node2", member(), "decline-" + UUID.randomUUID(), Map.of(product, 1));
        assertEquals(202, placed.statusCode(), placed.body());
        assertEquals("PENDING", json(placed).getString("status"));
        assertEquals(2, stock(product), "reserved at checkout");
        long order = json(placed).getJsonNumber("id").longValue();
        awaitStatus(order, Set.of("CANCELED"));
        assertEquals(3, stock(product), "put back");
        assertEquals(1, single(cluster, "SELECT count(*) FROM payment_charge WHERE order_id = ? AND outcome = 'DECLINED'", order));
    }

    @Test
    void totalsAreExactAndIllegalMovesAreRefused() {
        long dime = product(10, "0.10");
        long fifth = product(10, "0.20");
        String token = member();
        HttpResponse<String> placed = checkout("node1", token, "exact-" + UUID.randomUUID(), Map.of(dime, 3, fifth, 1));
        assertEquals(202, placed.statusCode(), placed.body());
        JsonObject order = json(placed);
        assertEquals("0.50", order.getString("total"), "0.10 × 3 + 0.20, exactly");
        long id = order.getJsonNumber("id").longValue();
        assertTrue(placed.headers().firstValue("Location").orElse("").endsWith("/api/orders/" + id));
        assertEquals(withoutProgress(json(Http.send("GET", cluster.url("/api/orders/" + id), token, null))), withoutProgress(order),
                "the checkout's answer (built from what its statements returned) is the order as stored, lines in product order");
        awaitStatus(id, Set.of("COMPLETED"));
        HttpResponse<String> cancel = Http.send("POST", cluster.url("/api/orders/" + id + "/cancel"), token, null);
        assertEquals(409, cancel.statusCode(), "a completed order cannot be cancelled: " + cancel.body());
        assertEquals(404, Http.send("GET", cluster.url("/api/orders/" + id), member(), null).statusCode(), "not another member's");
        assertEquals(404, Http.send("POST", cluster.url("/api/orders/" + id + "/cancel"), member(), null).statusCode());
        JsonObject mine = json(Http.send("GET", cluster.url("/api/orders"), token, null));
        assertEquals(id, mine.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals("COMPLETED", mine.getJsonArray("items").getJsonObject(0).getString("status"), "the cached list follows the order");
        JsonObject completed = json(Http.send("GET", cluster.url("/api/orders?status=COMPLETED&limit=100"), admin, null));
        assertTrue(completed.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(o -> o.getJsonNumber("id").longValue() == id), "administrators see everyone's orders by status");
    }

    /** An order without what its processing changes (status, updated). */
    private static JsonObject withoutProgress(JsonObject order) {
        return Json.createObjectBuilder(order).remove("status").remove("updated").build();
    }
}
