package org.soundwave.platform.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One row of numbers read by one query, for a group of gauges: read at most once a second however many
 * gauges of the group a scrape asks for. If the database cannot be read the gauges show NaN (unknown),
 * never a made-up zero.
 */
public final class QuerySnapshot {

    private static final Logger LOG = Logger.getLogger(QuerySnapshot.class.getName());
    private static final long MAX_AGE_NANOS = 1_000_000_000L;

    private final DataSource dataSource;
    private final String sql;
    private final int columns;
    private double[] values;
    private long readAt;

    public QuerySnapshot(DataSource dataSource, String sql, int columns) {
        this.dataSource = dataSource;
        this.sql = sql;
        this.columns = columns;
    }

    /** Column {@code index} (0-based) of the query's row. */
    public synchronized double value(int index) {
        if (values == null || System.nanoTime() - readAt > MAX_AGE_NANOS) {
            values = read();
            readAt = System.nanoTime();
        }
        return values[index];
    }

    private double[] read() {
        double[] row = new double[columns];
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            result.next();
            for (int i = 0; i < columns; i++) {
                row[i] = result.getDouble(i + 1);
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "metrics query failed: " + sql, e);
            Arrays.fill(row, Double.NaN);
        }
        return row;
    }
}
