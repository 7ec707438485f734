package org.soundwave.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard dataset on the shared test cluster: seeded once per run, small (bin/cluster seed with the
 * sizes below, so the seeder is exercised too; loadtest/DATASET.md defines its rows), blog and market, for
 * every test that reads known data; and reading the cluster's database (queries, pg_stat_statements).
 * HTTP goes through {@link Http}.
 */
public final class StandardDataset {

    public static final int USERS = 20;
    public static final int POSTS = 240;
    public static final int COMMENTS_PER_POST = 4;
    public static final int TAGS = 12;
    /** The market's part of the same dataset. */
    public static final int CATEGORIES = 4;
    public static final int PRODUCTS = 300;

    private static boolean seeded;

    private StandardDataset() {
    }

    /** The shared cluster holding the standard dataset, blog and market (seeded by the first test that asks). */
    public static synchronized TestCluster cluster() {
        TestCluster cluster = TestCluster.get();
        if (!seeded) {
            cluster.command("seed", "--users", String.valueOf(USERS), "--posts", String.valueOf(POSTS),
                    "--comments-per-post", String.valueOf(COMMENTS_PER_POST), "--tags", String.valueOf(TAGS),
                    "--categories", String.valueOf(CATEGORIES), "--products", String.valueOf(PRODUCTS));
            Http.forgetAdminToken(cluster);   // the seed revokes every token issued before it, the administrator's too
            seeded = true;
        }
        return cluster;
    }

    public static Connection db(TestCluster cluster) throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(), "soundwave", cluster.dbPassword());
    }

    /** Another database of the cluster's PostgreSQL (a scratch database made by bin/cluster seed --database). */
    public static Connection db(TestCluster cluster, String database) throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl().replaceAll("/soundwave$", "/" + database), "soundwave", cluster.dbPassword());
    }

    /** The first column of every row of a query, as longs. */
    public static List<Long> longs(TestCluster cluster, String sql, Object... parameters) {
        return column(cluster, sql, rows -> rows.getLong(1), parameters);
    }

    /** The first column of every row of a query, as strings. */
    public static List<String> texts(TestCluster cluster, String sql, Object... parameters) {
        return column(cluster, sql, rows -> rows.getString(1), parameters);
    }

    private interface ColumnReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> List<T> column(TestCluster cluster, String sql, ColumnReader<T> reader, Object... parameters) {
        try (Connection c = db(cluster); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<T> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(reader.read(rows));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    public static long single(TestCluster cluster, String sql, Object... parameters) {
        return longs(cluster, sql, parameters).get(0);
    }

    /**
     * What the application sent to PostgreSQL while an action ran: statements executed, and each
     * distinct statement as "calls× text" (queries) and as its text alone (texts).
     */
    public record Statements(long executed, List<String> queries, List<String> texts) {
    }

    /**
     * Counts the SQL statements the application executed during the action, from pg_stat_statements
     * (calls before and after). Health checks (drain switch, schema version, SELECT 1, the grid's witness) and the order queue polls, which every node
     * runs on its own schedule, are left out; tests run one at a time, so the rest is the action's.
     */
    public static Statements statementsDuring(TestCluster cluster, Runnable action) {
        Map<Long, Long> before = calls(cluster);
        action.run();
        Map<Long, Long> after = calls(cluster);
        long executed = 0;
        List<String> queries = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (Connection c = db(cluster);
             PreparedStatement statement = c.prepareStatement("SELECT queryid, query FROM pg_stat_statements WHERE queryid = ?")) {
            for (Map.Entry<Long, Long> entry : after.entrySet()) {
                long delta = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
                if (delta > 0) {
                    executed += delta;
                    statement.setLong(1, entry.getKey());
                    try (ResultSet rows = statement.executeQuery()) {
                        if (rows.next()) {
                            queries.add(delta + "× " + rows.getString(2));
                            texts.add(rows.getString(2));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return new Statements(executed, queries, texts);
    }

    private static Map<Long, Long> calls(TestCluster cluster) {
        Map<Long, Long> calls = new HashMap<>();
        try (Connection c = db(cluster); PreparedStatement statement = c.prepareStatement("""
                SELECT queryid, sum(calls)::bigint FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
                 WHERE r.rolname = 'soundwave' AND s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                   AND s.query !~* '(pg_stat_statements|node_drain|grid_member|flyway_schema_history|pg_catalog|pg_database|order_job)'
                   AND s.query !~* '^\\s*SELECT\\s+\\$?1\\s*$'
                 GROUP BY queryid""");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                calls.put(rows.getLong(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return calls;
    }
}
