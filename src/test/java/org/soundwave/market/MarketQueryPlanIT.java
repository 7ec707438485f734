package org.soundwave.market;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.blog.KeyQueries;
import org.soundwave.blog.KeyQueries.KeyQuery;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;
import org.soundwave.platform.cache.CacheControl;

/**
 * The market's listings use their indexes on a large catalog (100,000 products in a scratch database):
 * each statement is captured as the application sends it (pg_stat_statements) and explained there.
 */
class MarketQueryPlanIT {

    static final String DATABASE = "soundwave_market_plans";
    static final int PRODUCTS = 100_000;

    private static TestCluster cluster;

    @BeforeAll
    static void seedALargeCatalog() {
        cluster = StandardDataset.cluster();
        cluster.command("seed", "--database", DATABASE, "--posts", "10", "--products", String.valueOf(PRODUCTS));
        CacheControl.allOff(cluster);   // statements are captured from requests: each must reach the database
    }

    @AfterAll
    static void cachesBackOn() {
        CacheControl.defaults(cluster);
    }

    private static List<KeyQuery> queries() {
        String slug = "/api/products?category=" + slug(3) + "&limit=20";
        return List.of(
                new KeyQuery("A category by name", slug + "&sort=name",
                        Pattern.compile("p\\.category_id = \\$1 ORDER BY lower\\(p\\.name\\) ASC"), List.of("3", "21"),
                        "product_category_name_idx", "product_category_name_idx"),
                new KeyQuery("A category by price", slug + "&sort=price",
                        Pattern.compile("p\\.category_id = \\$1 ORDER BY p\\.price ASC"), List.of("3", "21"),
                        "product_category_price_idx", "product_category_price_idx"),
                new KeyQuery("Everything, dearest first", "/api/products?sort=-price&limit=20",
                        Pattern.compile("WHERE p\\.active ORDER BY p\\.price DESC"), List.of("21"),
                        "product_price_idx", "product_price_idx"),
                new KeyQuery("Search by part of the name", "/api/products?q=12345&limit=20",
                        Pattern.compile("lower\\(p\\.name\\) LIKE \\$1"), List.of("'%12345%'", "21"),
                        "product_name_trgm_idx", "product_name_trgm_idx"));
    }

    private static String slug(long id) {
        return StandardDataset.texts(cluster, "SELECT slug FROM category WHERE id = ?", id).get(0);
    }

    @Test
    void everyListingUsesItsIndexOnALargeCatalog() throws Exception {
        try (Connection large = StandardDataset.db(cluster, DATABASE)) {
            for (KeyQuery query : queries()) {
                String text = KeyQueries.capture(cluster, "node1", query);
                String plan = KeyQueries.explain(large, text, query, true);
                assertTrue(plan.contains(query.index()), query.name() + " uses " + query.index() + ":\n" + text + "\n" + plan);
                assertFalse(plan.contains("Seq Scan on product"), query.name() + " reads no whole table:\n" + plan);
            }
        }
    }
}
