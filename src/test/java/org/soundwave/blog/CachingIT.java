package org.soundwave.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.blog.PostPages.commentCount;
import static org.soundwave.blog.PostPages.commentsInDatabase;
import static org.soundwave.blog.PostPages.recentComments;
import static org.soundwave.platform.Http.json;
import static org.soundwave.platform.Http.send;
import static org.soundwave.platform.TestCluster.servedBy;

import jakarta.json.Json;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.PageVisitor;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.StandardDataset.Statements;
import org.soundwave.platform.TestCluster;
import org.soundwave.platform.cache.CacheControl;

/**
 * The cache levels as users meet them, on the real cluster: pages shared by the nodes and never shown to
 * the wrong person, counts and fragments right at once after a comment, one computation per node for a
 * cold key. Requests go to the nodes directly where it matters which node answers. That the caches stay
 * correct when a data grid member dies is NodeDeathIT's.
 */
class CachingIT {

    private static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = StandardDataset.cluster();
        CacheControl.defaults(cluster);
    }

    @AfterEach
    void defaults() {
        CacheControl.defaults(cluster);
    }

    private static HttpResponse<String> get(String node, String path) {
        HttpResponse<String> response = cluster.get(cluster.nodeUrl(node, path));
        assertEquals(200, response.statusCode(), node + " " + path);
        return response;
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("(none)");
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse("");
    }

    @Test
    void listPagesAreRenderedOnceAndServedByEveryNodeFromTheSharedCache() {
        for (String path : List.of("/", "/posts?page=3", "/tags/tag004", "/authors/user0005")) {
            HttpResponse<String> first = get("node1", path);
            assertEquals("MISS", header(first, "X-Cache"), path);
            assertEquals("public, max-age=60, stale-if-error=600", header(first, "Cache-Control"), path);
            assertEquals("0", header(first, "Age"), path);
            assertEquals("Cookie", header(first, "Vary"), path);
            assertTrue(first.headers().allValues("Set-Cookie").isEmpty(), path + " sets no cookie");

            HttpResponse<String> second = get("node2", path);
            assertEquals("HIT", header(second, "X-Cache"), path + " from the cache node1 filled");
            assertEquals("node2", servedBy(second));
            assertEquals(first.body(), second.body(), path);
            long age = Long.parseLong(header(second, "Age"));
            assertTrue(age >= 0 && age <= 60, "Age " + age);
        }
        HttpResponse<String> variant = get("node1", "/posts?page=3&utm_source=x");
        assertEquals("(none)", header(variant, "X-Cache"), "a query the pages do not read is never a key");
        assertFalse(header(variant, "Cache-Control").startsWith("public"));
    }

    @Test
    void aCachedPageLivesForItsTimeToLiveOnly() {
        CacheControl.set(cluster, "page", true, 2);
        HttpResponse<String> first = get("node1", "/posts?page=2");
        assertEquals("MISS", header(first, "X-Cache"));
        assertEquals("public, max-age=2, stale-if-error=600", header(first, "Cache-Control"));
        assertEquals("HIT", header(get("node2", "/posts?page=2"), "X-Cache"));
        TestCluster.awaitTrue("the cached page to expire", Duration.ofSeconds(30),
                () -> "MISS".equals(header(get("node2", "/posts?page=2"), "X-Cache")));
    }

    @Test
    void aMemberGetsTheirOwnPagesAndAVisitorWhoSignsInSeesThatAtOnce() {
        String name = "cm" + UUID.randomUUID().toString().substring(0, 8);
        Http.newMember(cluster, name);
        PageVisitor visitor = new PageVisitor();
        HttpResponse<String> asVisitor = visitor.get(cluster.url("/posts"));
        assertTrue(asVisitor.body().contains("id=\"sign-in-link\""));
        assertTrue(List.of("MISS", "HIT").contains(header(asVisitor, "X-Cache")));

        visitor.signIn(cluster.url(""), name, "correct horse");
        HttpResponse<String> asMember = visitor.get(cluster.url("/posts"));
        assertTrue(List.of("HIT", "BYPASS").contains(header(asMember, "X-Cache")),
                "filled in from the stored page, or rendered for the member (see MemberPagesFromCacheIT)");
        assertEquals("private, no-store", header(asMember, "Cache-Control"));
        assertTrue(asMember.body().contains("Signed in as") && asMember.body().contains(">" + name + "</a>"),
                "the member's own state, at once");
        assertEquals("private, no-store", header(visitor.get(cluster.url("/posts/5")), "Cache-Control"), "every page of a member");

        HttpResponse<String> anonymous = cluster.get(cluster.url("/posts"));
        assertEquals("HIT", header(anonymous, "X-Cache"));
        assertFalse(anonymous.body().contains(name), "a visitor never sees the member's page");
        assertTrue(anonymous.body().contains("id=\"sign-in-link\""));
    }

    @Test
    void aResponseThatSetsACookieIsNeverStored() {
        // The test cluster lists /visit as cacheable; its first response opens a session (Set-Cookie).
        HttpResponse<String> first = Http.get(HttpClient.newHttpClient(), cluster.nodeUrl("node1", "/visit"));
        HttpResponse<String> second = Http.get(HttpClient.newHttpClient(), cluster.nodeUrl("node2", "/visit"));
        for (HttpResponse<String> response : List.of(first, second)) {
            assertEquals(200, response.statusCode());
            assertEquals("MISS", header(response, "X-Cache"), "rendered for this visitor, not from the cache");
            assertFalse(header(response, "Cache-Control").startsWith("public"));
            assertFalse(sessionCookie(response).isEmpty(), "own session cookie: " + response.headers().map());
        }
        assertNotEquals(sessionCookie(first), sessionCookie(second), "each visitor their own session");

        PageVisitor visitor = new PageVisitor();
        visitor.get(cluster.nodeUrl("node1", "/visit"));
        assertEquals("BYPASS", header(visitor.get(cluster.nodeUrl("node1", "/visit")), "X-Cache"), "a session holder renders its own");
    }

    @Test
    void thePostsFragmentsAreRenderedOnceAndSharedByTheNodes() {
        long post = 41;
        // The fragment level serves the pages the page level does not keep (members'); off, every request renders.
        CacheControl.set(cluster, "page", false, 60);
        CacheControl.clearAll(cluster);
        String admin = Http.adminToken(cluster);
        long hitsBefore = CacheControl.level(cluster, "node2", admin, "fragment").getJsonNumber("hits").longValue();
        HttpResponse<String> rendered = get("node1", "/posts/" + post);
        AtomicReference<HttpResponse<String>> shared = new AtomicReference<>();
        Statements onNode2 = StandardDataset.statementsDuring(cluster, () -> shared.set(get("node2", "/posts/" + post)));
        assertEquals(recentComments(rendered), recentComments(shared.get()));
        assertEquals(0, calls(onNode2, "CROSS JOIN LATERAL"), "node2 did not query the latest comments: " + onNode2.queries());
        assertEquals(0, calls(onNode2, "count(*) FROM comment"), "nor count them");
        assertEquals(0, onNode2.executed(), "node2 rendered the post from node1's fragments and cached head: " + onNode2.queries());
        assertEquals(hitsBefore + 3, CacheControl.level(cluster, "node2", admin, "fragment").getJsonNumber("hits").longValue(),
                "the article, the recent comments box and the page of comments");
    }

    @Test
    void aVisitorsPostPageIsRenderedOnceForTheClusterAndANewCommentReplacesItOnEveryNode() {
        long post = 23;
        CacheControl.clearAll(cluster);
        HttpResponse<String> first = get("node1", "/posts/" + post);
        assertEquals("MISS", header(first, "X-Cache"));
        HttpResponse<String> second = get("node2", "/posts/" + post);
        assertEquals("HIT", header(second, "X-Cache"), "node2 serves the page node1 rendered");
        assertEquals(first.body(), second.body());
        assertTrue(header(second, "Cache-Control").startsWith("public"), header(second, "Cache-Control"));
        HttpResponse<String> deeper = get("node1", "/posts/" + post + "?page=1");
        assertEquals("MISS", header(deeper, "X-Cache"), "each comment page is its own key");
        assertEquals("HIT", header(get("node2", "/posts/" + post + "?page=1"), "X-Cache"));

        String token = Http.newMember(cluster, "cp" + UUID.randomUUID().toString().substring(0, 8));
        String text = "Visitors see this at once " + UUID.randomUUID();
        HttpResponse<String> added = send("POST", cluster.nodeUrl("node2", "/api/posts/" + post + "/comments"), token,
                Json.createObjectBuilder().add("content", text).build().toString());
        assertEquals(201, added.statusCode(), added.body());
        for (String node : List.of("node1", "node2")) {
            for (String path : List.of("/posts/" + post, "/posts/" + post + "?page=1")) {
                HttpResponse<String> after = get(node, path);
                assertTrue(after.body().contains(text), node + " " + path + " shows the new comment (" + header(after, "X-Cache") + ")");
                assertEquals(commentsInDatabase(cluster, post), commentCount(after), node + " " + path);
            }
        }
    }

    @Test
    void aNewCommentIsCountedAndShownAtOnceOnEveryNode() {
        long post = 17;
        String token = Http.newMember(cluster, "cc" + UUID.randomUUID().toString().substring(0, 8));
        long before = commentsInDatabase(cluster, post);
        for (String node : TestCluster.ACTIVE) {   // both nodes read (and cache) count and fragment
            assertEquals(before, commentCount(get(node, "/posts/" + post)));
        }
        String text = "Fresh comment " + UUID.randomUUID();
        HttpResponse<String> added = send("POST", cluster.nodeUrl("node1", "/api/posts/" + post + "/comments"), token,
                Json.createObjectBuilder().add("content", text).build().toString());
        assertEquals(201, added.statusCode(), added.body());

        for (String node : List.of("node2", "node1")) {
            HttpResponse<String> page = get(node, "/posts/" + post);
            assertEquals(before + 1, commentCount(page), node + " counts the new comment");
            assertTrue(recentComments(page).contains(text), node + " shows it among the recent comments");
            assertEquals(before + 1, json(get(node, "/api/posts/" + post)).getJsonNumber("commentCount").longValue());
        }
    }

    @Test
    void theApiFirstPageComesFromTheListingCacheAndAPublishedPostShowsAtOnce() {
        String token = Http.newMember(cluster, "cl" + UUID.randomUUID().toString().substring(0, 8));
        get("node1", "/api/posts?limit=5");
        Statements again = StandardDataset.statementsDuring(cluster, () -> get("node2", "/api/posts?limit=5"));
        assertEquals(0, again.executed(), "the other node answers from the listing cache: " + again.queries());

        HttpResponse<String> published = send("POST", cluster.nodeUrl("node2", "/api/posts"), token, Json.createObjectBuilder()
                .add("title", "Cached lists see me").add("content", "At once.").add("tags", Json.createArrayBuilder()).build().toString());
        assertEquals(201, published.statusCode(), published.body());
        long id = json(published).getJsonNumber("id").longValue();
        long newest = json(get("node1", "/api/posts?limit=5")).getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(id, newest, "the first page after publishing starts with the new post");
        assertTrue(get("node1", "/posts").body().contains("Cached lists see me"), "and so does the list page");
    }

    @Test
    void fiftyConcurrentRequestsForAColdPostCountItsCommentsAtMostOncePerNode() throws Exception {
        long post = 33;
        long expected = commentsInDatabase(cluster, post);
        CacheControl.clearAll(cluster);
        Statements during = StandardDataset.statementsDuring(cluster, () -> {
            for (HttpResponse<String> response : concurrentGets(50, "/posts/" + post)) {
                assertEquals(200, response.statusCode());
                assertEquals(expected, commentCount(response));
            }
        });
        long counts = calls(during, "count(*) FROM comment");
        long recent = calls(during, "CROSS JOIN LATERAL");
        assertTrue(counts >= 1 && counts <= TestCluster.ACTIVE.size(),
                "comment count queries for 50 requests on 2 nodes: " + counts + " " + during.queries());
        assertTrue(recent >= 1 && recent <= TestCluster.ACTIVE.size(), "recent comment queries: " + recent);
    }

    /** Both nodes miss a cold page at once: one waits for the other's lease and serves its stored page. */
    @Test
    void concurrentRequestsForAColdPageOnBothNodesAreAllServed() {
        for (int round = 0; round < 5; round++) {
            CacheControl.clearAll(cluster);
            List<HttpResponse<String>> responses = concurrentGets(40, "/posts?page=" + (11 + round));
            for (HttpResponse<String> response : responses) {
                assertEquals(200, response.statusCode(), "round " + round + ": " + response.body());
                assertTrue(List.of("MISS", "HIT").contains(response.headers().firstValue("X-Cache").orElse("")));
            }
        }
    }

    /** GETs of one path, sent all at once, alternately to node1 and node2. */
    private static List<HttpResponse<String>> concurrentGets(int requests, String path) {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String node = TestCluster.ACTIVE.get(i % 2);
                responses.add(pool.submit(() -> {
                    start.await();
                    return cluster.get(cluster.nodeUrl(node, path));
                }));
            }
            start.countDown();
            List<HttpResponse<String>> done = new ArrayList<>();
            for (Future<HttpResponse<String>> response : responses) {
                done.add(response.get());
            }
            return done;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many times statements containing the text ran ("N× text" entries). */
    private static long calls(Statements statements, String text) {
        return statements.queries().stream().filter(q -> q.contains(text))
                .mapToLong(q -> Long.parseLong(q.substring(0, q.indexOf('×')))).sum();
    }
}
