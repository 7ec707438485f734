package org.soundwave.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.StandardDataset.Statements;
import org.soundwave.platform.TestCluster;
import org.soundwave.platform.cache.CacheControl;

/**
 * No N+1: a list costs the same number of SQL statements whatever its page size, counted by PostgreSQL
 * itself (pg_stat_statements). Requests go straight to one node, so a request is one page build. The
 * caches are off here: this is what every miss costs (CachingIT shows what they save).
 */
class StatementCountIT {

    private static TestCluster cluster;

    @BeforeAll
    static void seed() {
        cluster = StandardDataset.cluster();
        CacheControl.allOff(cluster);
    }

    @AfterAll
    static void cachesBackOn() {
        CacheControl.defaults(cluster);
    }

    private static Statements statementsFor(String path) {
        // Once before counting: the first request of a kind may also prepare or look up what later ones reuse.
        assertEquals(200, cluster.get(cluster.nodeUrl("node1", path)).statusCode(), path);
        return StandardDataset.statementsDuring(cluster, () -> assertEquals(200, cluster.get(cluster.nodeUrl("node1", path)).statusCode(), path));
    }

    private static void assertSameForEverySize(String pathWithoutLimit, long expected) {
        Map<Integer, Statements> bySize = new LinkedHashMap<>();
        for (int size : List.of(5, 10, 50)) {
            bySize.put(size, statementsFor(pathWithoutLimit + (pathWithoutLimit.contains("?") ? "&" : "?") + "limit=" + size));
        }
        for (Map.Entry<Integer, Statements> entry : bySize.entrySet()) {
            assertEquals(expected, entry.getValue().executed(),
                    pathWithoutLimit + " with limit " + entry.getKey() + " sent: " + entry.getValue().queries());
        }
    }

    @Test
    void theApiListCostsFourStatementsForFiveTenOrFiftyPosts() {
        // posts with authors, their tags, their comment counts, their latest comments
        assertSameForEverySize("/api/posts", 4);
    }

    @Test
    void filteredListsAddOnlyTheLookupOfTheTagOrAuthor() {
        assertSameForEverySize("/api/posts?tag=tag002", 5);
        assertSameForEverySize("/api/posts?author=user0003", 5);
    }

    @Test
    void aDeepCursorPageCostsWhatTheFirstDoes() {
        String cursor = Http.json(cluster.get(cluster.url("/api/posts?limit=100"))).getString("nextCursor");
        cursor = Http.json(cluster.get(cluster.url("/api/posts?limit=100&cursor=" + cursor))).getString("nextCursor");
        assertEquals(4, statementsFor("/api/posts?limit=10&cursor=" + cursor).executed());
    }

    @Test
    void listAndPostPagesCostAFixedNumberOfStatements() {
        Statements home = statementsFor("/");
        Statements later = statementsFor("/posts?page=3");
        Statements tag = statementsFor("/tags/tag004");
        long post = statementsFor("/posts/" + StandardDataset.POSTS / 2).executed();
        // count for the pager + the four of the list; a tag page also looks the tag up
        assertEquals(5, home.executed(), "home page: " + home.queries());
        assertEquals(5, later.executed(), "page 3: " + later.queries());
        assertEquals(6, tag.executed(), "tag page: " + tag.queries());
        // the post with its four, and one page of its comments
        assertEquals(5, post, "post page");
        assertTrue(home.queries().stream().noneMatch(q -> q.contains("app_user") && q.contains("WHERE (ID = $1)")),
                "no author loaded one by one: " + home.queries());
    }
}
