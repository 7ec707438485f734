package org.soundwave.blog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/**
 * The blog's key queries as the application really sends them: each is captured from
 * pg_stat_statements while one request runs on a node, then explained with concrete parameters in a
 * database holding the large dataset (bin/cluster seed --database ... --large), with and without the
 * index it is meant to use. Shared by QueryPlanIT (asserts on plans), OptimizationReport (writes them up)
 * and, for the market's listings, MarketQueryPlanIT.
 */
public final class KeyQueries {

    /** Parameters for the large dataset: post, tag and author numbers exist there. */
    static final long POST = 50_000;
    static final long TAG = 3;
    static final long AUTHOR = 3;

    /**
     * One key query: the request that sends it, how to recognise its text, the values of its $n
     * parameters (pg_stat_statements also turns literals into $n), and the index it should use.
     */
    public record KeyQuery(String name, String request, Pattern text, List<String> parameters, String index, String droppedIndexes) {
    }

    /** The newest-first ids the large dataset's first list page shows (P, P-1, ...), as an array literal. */
    static String firstPageIds(long posts) {
        return LongStream.rangeClosed(posts - 19, posts).boxed().sorted((a, b) -> Long.compare(b, a))
                .map(String::valueOf).collect(Collectors.joining(",", "'{", "}'"));
    }

    public static List<KeyQuery> all(long largePosts) {
        String page = firstPageIds(largePosts);
        return List.of(
                new KeyQuery("Newest-first list (/, /posts, GET /api/posts)", "/api/posts?limit=20",
                        Pattern.compile("FROM app_user t0, post t1 WHERE \\(t0\\.ID = t1\\.author_id\\) ORDER BY"),
                        List.of("21", "0"), "post_created_idx", "post_created_idx"),
                new KeyQuery("Tag filter (/tags/{name}, ?tag=)", "/api/posts?limit=20&tag=tag00" + TAG,
                        Pattern.compile("FROM post_tag t3, tag t2, post t1, app_user t0"),
                        List.of(String.valueOf(TAG), "21", "0"), "post_tag_tag_post_idx", "post_tag_tag_post_idx, post_tag_pkey"),
                new KeyQuery("Author filter (/authors/{username}, ?author=)", "/api/posts?limit=20&author=user000" + AUTHOR,
                        Pattern.compile("t1\\.author_id = \\$1"),
                        List.of(String.valueOf(AUTHOR), "21", "0"), "post_author_created_idx", "post_author_created_idx"),
                new KeyQuery("A post's comments, newest first (/posts/{id}, GET /api/posts/{id}/comments)",
                        "/api/posts/1/comments?limit=20",
                        Pattern.compile("FROM app_user t0, comment t1 WHERE"),
                        List.of(String.valueOf(POST), "21", "0"), "comment_post_created_idx", "comment_post_created_idx"),
                new KeyQuery("Latest three comments of a page's posts", "/api/posts?limit=20",
                        Pattern.compile("CROSS JOIN LATERAL"),
                        List.of(page, "3"), "comment_post_created_idx", "comment_post_created_idx"),
                new KeyQuery("Comment counts of a page's posts", "/api/posts?limit=20",
                        Pattern.compile("count\\(\\*\\) FROM comment"),
                        List.of(page), "comment_post_created_idx", "comment_post_created_idx"),
                new KeyQuery("Tags of a page's posts", "/api/posts?limit=20",
                        Pattern.compile("FROM post_tag pt JOIN tag t"),
                        List.of(page), "post_tag_pkey", "post_tag_pkey"));
    }

    /** The text of the statement the request sends that matches the key query (normalised: $1, $2, ...). */
    public static String capture(TestCluster cluster, String node, KeyQuery query) {
        String url = cluster.nodeUrl(node, query.request());
        cluster.get(url);
        StandardDataset.Statements sent = StandardDataset.statementsDuring(cluster, () -> {
            if (cluster.get(url).statusCode() != 200) {
                throw new AssertionError(query.request() + " failed");
            }
        });
        Optional<String> text = sent.texts().stream().filter(t -> query.text().matcher(t).find()).findFirst();
        return text.orElseThrow(() -> new AssertionError(query.name() + ": not among " + sent.queries()));
    }

    /** EXPLAIN of the captured statement with the key query's parameters; ANALYZE (runs it) and BUFFERS if asked. */
    public static String explain(Connection db, String text, KeyQuery query, boolean analyze) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("PREPARE key_query AS " + text);
            try {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = statement.executeQuery("EXPLAIN (" + (analyze ? "ANALYZE, BUFFERS, " : "") + "COSTS) EXECUTE key_query("
                        + String.join(", ", query.parameters()) + ")")) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                statement.execute("DEALLOCATE key_query");
            }
        }
    }

    /** The same EXPLAIN with the query's indexes dropped inside a transaction that is rolled back. */
    public static String explainWithoutIndex(Connection db, String text, KeyQuery query, boolean analyze) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement statement = db.createStatement()) {
            for (String index : query.droppedIndexes().split(",\\s*")) {
                if (index.endsWith("_pkey")) {
                    statement.execute("ALTER TABLE " + index.replace("_pkey", "") + " DROP CONSTRAINT " + index + " CASCADE");
                } else {
                    statement.execute("DROP INDEX " + index);
                }
            }
            return explain(db, text, query, analyze);
        } finally {
            db.rollback();
            db.setAutoCommit(autoCommit);
        }
    }

    /** The execution time EXPLAIN ANALYZE reports, in milliseconds. */
    public static double executionMillis(String plan) {
        var m = Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(plan);
        if (!m.find()) {
            throw new AssertionError("no execution time in " + plan);
        }
        return Double.parseDouble(m.group(1));
    }

    /** The median execution time of n EXPLAIN ANALYZE runs (after one warm-up). */
    public static double medianMillis(Connection db, String text, KeyQuery query, boolean withoutIndex, int n) throws SQLException {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            String plan = withoutIndex ? explainWithoutIndex(db, text, query, true) : explain(db, text, query, true);
            if (i > 0) {
                times.add(executionMillis(plan));
            }
        }
        times.sort(Double::compare);
        return times.get(times.size() / 2);
    }

    private KeyQueries() {
    }
}
