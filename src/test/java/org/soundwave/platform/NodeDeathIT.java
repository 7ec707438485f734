package org.soundwave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.blog.PostPages.commentCount;
import static org.soundwave.blog.PostPages.commentsInDatabase;
import static org.soundwave.blog.PostPages.recentComments;
import static org.soundwave.platform.BalancerIT.sessionRoute;
import static org.soundwave.platform.BalancerIT.visitCount;
import static org.soundwave.platform.Http.json;
import static org.soundwave.platform.Http.send;
import static org.soundwave.platform.StandardDataset.single;
import static org.soundwave.platform.TestCluster.servedBy;

import jakarta.json.Json;
import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.soundwave.market.Checkouts;
import org.soundwave.platform.cache.CacheControl;

/**
 * "A node dying loses nothing", as its users would notice: node2 is killed (kill -9) while it holds a bit of
 * everything, a visitor's session, a signed-in member's, a visitor's cart, its share of the data grid's cached
 * counts, and orders it is processing. Each test checks one of them on the survivors; the last one restarts
 * node2 under traffic. One death for all of them: a node's restart is the slowest step of the suite.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeDeathIT {

    private static final String VICTIM = "node2";
    private static final String SURVIVOR = "node1";
    private static final String PASSWORD = "correct horse";
    private static final List<Long> POSTS = LongStream.rangeClosed(100, 129).boxed().toList();

    private static TestCluster cluster;
    /** A visitor whose session (five visits) lives on the victim. */
    private static HttpClient visitor;
    private static String memberName;
    /** A member signed in on a page, with the session on the victim. */
    private static PageVisitor member;
    /** A visitor with three of {@link #cartProduct} in the cart of a session on the victim. */
    private static PageVisitor shopper;
    private static long cartProduct;
    private static String commenter;
    private static long orderedProduct;
    private static final List<Long> ORDERS = new ArrayList<>();

    @BeforeAll
    static void theVictimDiesHoldingABitOfEverything() {
        cluster = StandardDataset.cluster();
        CacheControl.defaults(cluster);

        visitor = onVictim(() -> HttpClient.newBuilder().cookieHandler(new CookieManager()).build(),
                client -> sessionRoute(Http.get(client, cluster.url("/visit"))));
        HttpResponse<String> visit = null;
        for (int i = 2; i <= 5; i++) {
            visit = Http.get(visitor, cluster.url("/visit"));
            assertEquals(VICTIM, servedBy(visit));
        }
        assertEquals(5, visitCount(visit.body()));

        memberName = "nd" + UUID.randomUUID().toString().substring(0, 8);
        Http.register(cluster, memberName, PASSWORD);
        member = PageVisitor.memberServedBy(cluster, VICTIM, memberName, PASSWORD);

        cartProduct = single(cluster, "SELECT min(id) FROM product WHERE active AND stock > 3");
        shopper = onVictim(PageVisitor::new, NodeDeathIT::addThreeToTheCart);

        commenter = Http.newMember(cluster, "nc" + UUID.randomUUID().toString().substring(0, 8));
        POSTS.forEach(post -> get(SURVIVOR, "/posts/" + post));   // counts and fragments cached
        long ownedByVictim = CacheControl.level(cluster, VICTIM, Http.adminToken(cluster), "count")
                .getJsonNumber("entries").longValue();
        assertTrue(ownedByVictim > 0, "the victim owns some of the cached counts");

        orderedProduct = Checkouts.product(cluster, Http.adminToken(cluster), 100, "7.00");
        String buyer = Http.newMember(cluster, "nb" + UUID.randomUUID().toString().substring(0, 8));
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> placed = Checkouts.checkout(cluster, SURVIVOR, buyer, "crash-" + UUID.randomUUID(), Map.of(orderedProduct, 1));
            assertEquals(202, placed.statusCode(), placed.body());
            ORDERS.add(json(placed).getJsonNumber("id").longValue());
        }
        // Wait until the victim is inside an order step (its connection holds a lock on the queue), then kill it.
        TestCluster.awaitTrue(VICTIM + " processing an order", Duration.ofSeconds(30), () -> single(cluster, """
                SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                 WHERE a.application_name = 'soundwave-""" + VICTIM + "' AND l.relation = 'order_job'::regclass") > 0);

        cluster.kill(VICTIM);
    }

    @AfterAll
    static void heal() {
        if (cluster != null) {
            cluster.up();
        }
    }

    /** A new client from {@code create} until {@code home} (its first steps) says its session lives on the victim. */
    private static <T> T onVictim(Supplier<T> create, Function<T, String> home) {
        for (int attempt = 0; attempt < 20; attempt++) {
            T client = create.get();
            if (VICTIM.equals(home.apply(client))) {
                return client;
            }
        }
        throw new AssertionError("no session landed on " + VICTIM + " in 20 tries");
    }

    /** Three of the product into the shopper's cart through the product page's form; the node the cart lives on. */
    private static String addThreeToTheCart(PageVisitor shopper) {
        String productPage = shopper.get(cluster.url("/products/" + cartProduct)).body();
        HttpResponse<String> added = shopper.post(cluster.url("/products/" + cartProduct), Map.of("cart-form", "cart-form",
                "cart-form:quantity", "3", "cart-form:add", "Add to cart", "jakarta.faces.ViewState", PageVisitor.viewState(productPage)));
        assertEquals(302, added.statusCode(), added.body());
        HttpResponse<String> cart = shopper.get(cluster.url("/cart"));
        assertTrue(cart.body().contains("id=\"line-" + cartProduct + "\""), "in the visitor's cart");
        return servedBy(cart);
    }

    private static HttpResponse<String> get(String node, String path) {
        HttpResponse<String> response = cluster.get(cluster.nodeUrl(node, path));
        assertEquals(200, response.statusCode(), node + " " + path);
        return response;
    }

    @Test
    @Order(1)
    void aVisitorsAndASignedInMembersSessionsGoOnOnAnotherNode() {
        HttpResponse<String> response = Http.get(visitor, cluster.url("/visit"));
        assertEquals(200, response.statusCode(), "the first request after the node died");
        String survivor = servedBy(response);
        assertNotEquals(VICTIM, survivor, "served by a live node");
        assertEquals(6, visitCount(response.body()), "the session kept its five visits and counted this one");
        assertTrue(response.body().contains("<span class=\"node\">" + VICTIM + "</span>"), "the history still lists the dead node");
        assertEquals(survivor, sessionRoute(response), "the survivor took the session over (route rewritten)");

        response = Http.get(visitor, cluster.url("/visit"));
        assertEquals(survivor, servedBy(response), "and now sticks to the survivor");
        assertEquals(7, visitCount(response.body()));

        HttpResponse<String> profile = member.get(cluster.url("/profile"));
        assertEquals(200, profile.statusCode(), "the member is still signed in, not sent to sign in");
        assertNotEquals(VICTIM, servedBy(profile));
        assertTrue(profile.body().contains("<h1>" + memberName), "still " + memberName);
    }

    @Test
    @Order(1)
    void aVisitorsCartGoesOnAndJoinsTheMembersAtSignIn() {
        HttpResponse<String> after = shopper.get(cluster.url("/cart"));
        assertEquals(200, after.statusCode());
        assertNotEquals(VICTIM, servedBy(after));
        assertTrue(after.body().contains("id=\"line-" + cartProduct + "\""), "still in the cart on " + servedBy(after));

        String name = "cv" + UUID.randomUUID().toString().substring(0, 8);
        String token = Http.newMember(cluster, name);
        send("PUT", cluster.url("/api/cart/items/" + cartProduct), token, "{\"quantity\":2}");
        shopper.signIn(cluster.url(""), name, PASSWORD);
        var items = json(send("GET", cluster.url("/api/cart/items"), token, null)).getJsonArray("items");
        assertEquals(1, items.size());
        assertEquals(5, items.getJsonObject(0).getInt("quantity"), "2 in the member's cart + 3 from the visit");
    }

    @Test
    @Order(1)
    void theCachedCountsAndFragmentsStayCorrect() {
        for (long post : POSTS) {
            String text = "After " + VICTIM + " died " + UUID.randomUUID();
            HttpResponse<String> added = send("POST", cluster.nodeUrl(SURVIVOR, "/api/posts/" + post + "/comments"), commenter,
                    Json.createObjectBuilder().add("content", text).build().toString());
            assertEquals(201, added.statusCode(), added.body());
            HttpResponse<String> page = get(SURVIVOR, "/posts/" + post);
            assertEquals(commentsInDatabase(cluster, post), commentCount(page), "post " + post);
            assertTrue(recentComments(page).contains(text), "post " + post);
        }
    }

    @Test
    @Order(1)
    void theOrdersItWasProcessingEndOnceEach() {
        ORDERS.forEach(order -> Checkouts.awaitStatus(cluster, order, Set.of("COMPLETED", "CANCELED")));
        for (long order : ORDERS) {
            assertEquals("COMPLETED", Checkouts.status(cluster, order));
            assertEquals(1, single(cluster, "SELECT count(*) FROM payment_charge WHERE order_id = ?", order), "charged once: " + order);
        }
        assertEquals(70, Checkouts.stock(cluster, orderedProduct), "stock + sold = initial");
        assertEquals(30, single(cluster, "SELECT coalesce(sum(quantity), 0) FROM order_item WHERE product_id = ?", orderedProduct));
    }

    @Test
    @Order(2)
    void restartedItIsPutBackByTheHealthCheckAndNoRequestFailsMeanwhile() {
        CompletableFuture<String> restart = CompletableFuture.supplyAsync(() -> cluster.command("restart", VICTIM));

        Map<Integer, Integer> statuses = new TreeMap<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        boolean back = false;
        int requests = 0;
        while (!back && Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = cluster.get(cluster.url("/"));
            statuses.merge(response.statusCode(), 1, Integer::sum);
            back = response.statusCode() == 200 && VICTIM.equals(servedBy(response));
            requests++;
            TestCluster.pause(Duration.ofMillis(50));
        }
        restart.join();

        assertTrue(back, VICTIM + " never served again; statuses " + statuses);
        // It ran its warm-up pass before it became ready: readiness says so, and its log.
        String readiness = cluster.get(cluster.nodeUrl(VICTIM, "/health/ready")).body();
        assertTrue(readiness.contains("\"name\":\"warm-up\",\"status\":\"UP\""), readiness);
        assertTrue(readiness.contains("\"requests\":\"" + TestCluster.WARMUP_REQUESTS + "\""), readiness);
        assertTrue(readiness.contains("\"notOk\":\"0\""), "every warm-up request answered 2xx: " + readiness);
        assertTrue(readiness.contains("\"member\":\"warm-up-" + VICTIM + "\""), "half of it browsed as its signed-in member: " + readiness);
        assertTrue(readiness.contains("\"jitSettled\":\"true\""), "then it went on until the JIT compilers were quiet: " + readiness);
        assertTrue(nodeLog(VICTIM).contains("warm-up done: " + TestCluster.WARMUP_REQUESTS + " requests (0 not 2xx)"),
                VICTIM + "'s log says so");
        assertTrue(nodeLog(VICTIM).contains("until the JIT settled"), VICTIM + "'s log says it settled");
        assertEquals(Map.of(200, requests), statuses, "every request while " + VICTIM + " restarted was served");
        cluster.awaitBalanced(List.of(VICTIM));
    }

    private static String nodeLog(String node) {
        try {
            return Files.readString(cluster.runDir().resolve("nodes/" + node + "/node.log"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
