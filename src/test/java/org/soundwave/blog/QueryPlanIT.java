package org.soundwave.blog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.blog.KeyQueries.KeyQuery;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;
import org.soundwave.platform.cache.CacheControl;

/**
 * On the large dataset (100,000 posts, 1,000,000 comments, in a scratch database beside the
 * application's), the statements the application really sends use the indexes made for them.
 * Asserts on plans, never on times.
 */
class QueryPlanIT {

    static final String DATABASE = "soundwave_plans";
    static final int LARGE_POSTS = 100_000;

    private static TestCluster cluster;

    @BeforeAll
    static void seedTheLargeDataset() {
        cluster = StandardDataset.cluster();
        cluster.command("seed", "--database", DATABASE, "--posts", String.valueOf(LARGE_POSTS));
        CacheControl.allOff(cluster);   // the statements are captured from requests: each must reach the database
    }

    @AfterAll
    static void cachesBackOn() {
        CacheControl.defaults(cluster);
    }

    @Test
    void everyKeyQueryUsesItsIndexOnTheLargeDataset() throws Exception {
        List<KeyQuery> queries = KeyQueries.all(LARGE_POSTS);
        try (Connection large = StandardDataset.db(cluster, DATABASE)) {
            for (KeyQuery query : queries) {
                String text = KeyQueries.capture(cluster, "node1", query);
                String plan = KeyQueries.explain(large, text, query, true);
                assertTrue(plan.contains(" using " + query.index() + " on "), query.name() + " uses " + query.index() + ":\n" + text + "\n" + plan);
                for (String table : List.of("post", "comment", "post_tag")) {
                    assertFalse(plan.contains("Seq Scan on " + table + " "), query.name() + " reads no whole " + table + " table:\n" + plan);
                }
            }
        }
    }

    @Test
    void withoutItsIndexTheNewestFirstListReadsTheWholeTable() throws Exception {
        KeyQuery list = KeyQueries.all(LARGE_POSTS).get(0);
        try (Connection large = StandardDataset.db(cluster, DATABASE)) {
            String plan = KeyQueries.explainWithoutIndex(large, KeyQueries.capture(cluster, "node1", list), list, false);
            assertTrue(plan.contains("Seq Scan on post "), "the index is what spares the scan:\n" + plan);
        }
    }
}
