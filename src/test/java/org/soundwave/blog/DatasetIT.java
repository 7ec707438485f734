package org.soundwave.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/**
 * bin/cluster seed writes exactly DATASET.md's rows: checked against the document's formulas, written
 * again here in Java, for sample users, posts, tags and comments, and by counts.
 */
class DatasetIT {

    private static final String[] WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
            + "incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris "
            + "nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat "
            + "nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim "
            + "id est laborum perspiciatis unde").split(" ");

    private static final OffsetDateTime START = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final int U = StandardDataset.USERS;
    private static final int P = StandardDataset.POSTS;
    private static final int C = StandardDataset.COMMENTS_PER_POST;
    private static final int T = StandardDataset.TAGS;

    private static TestCluster cluster;

    @BeforeAll
    static void seed() {
        cluster = StandardDataset.cluster();
    }

    static String text(long s, int n) {
        String joined = IntStream.range(0, n).mapToObj(i -> WORDS[(int) ((s * 131 + i * 31L) % 64)]).collect(Collectors.joining(" "));
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1) + ".";
    }

    @Test
    void theWordListHasTheDocumentsSixtyFourWords() {
        assertEquals(64, WORDS.length);
    }

    @Test
    void usersPostsTagsAndCommentsFollowTheFormulas() throws Exception {
        try (Connection db = StandardDataset.db(cluster)) {
            for (int u : List.of(1, 7, U)) {
                String name = String.format("user%04d", u);
                List<String> row = row(db, "SELECT username, email, bio, created FROM app_user WHERE id = ?", u);
                assertEquals(List.of(name, name + "@example.com", "Bio of " + name + ". " + text(u, 12),
                        OffsetDateTime.of(2023, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC).toInstant().toString()), row);
            }
            for (int p : List.of(1, 2, 41, 100, P)) {
                String title = "Post " + p + ": " + text(p, 4);
                List<String> row = row(db, "SELECT p.title, p.content, u.username, p.created FROM post p JOIN app_user u ON u.id = p.author_id WHERE p.id = ?", p);
                assertEquals(List.of(title.substring(0, title.length() - 1), text(p, 60 + p % 41),
                        String.format("user%04d", (p - 1) % U + 1), START.plusMinutes(10L * p).toInstant().toString()), row, "post " + p);
                TreeSet<String> tags = new TreeSet<>();
                for (int t : new int[] {p % T + 1, 7 * p % T + 1, 13 * p % T + 1}) {
                    tags.add(String.format("tag%03d", t));
                }
                assertEquals(List.copyOf(tags), column(db, "SELECT t.name FROM tag t JOIN post_tag pt ON pt.tag_id = t.id WHERE pt.post_id = ? ORDER BY t.name", p), "tags of " + p);
                for (int j : List.of(1, C)) {
                    long id = (long) (p - 1) * C + j;
                    assertEquals(List.of(String.valueOf(p), String.format("user%04d", (7 * p + j) % U + 1),
                                    "Comment " + j + " on post " + p + ": " + text(100L * p + j, 10 + (p * j) % 21),
                                    START.plusMinutes(10L * p + j).toInstant().toString()),
                            row(db, "SELECT c.post_id, u.username, c.content, c.created FROM comment c JOIN app_user u ON u.id = c.author_id WHERE c.id = ?", id),
                            "comment " + id);
                }
            }
            assertEquals(List.of(String.valueOf(U), String.valueOf(T)),
                    row(db, "SELECT (SELECT count(*) FROM app_user WHERE username LIKE 'user%' AND id <= ?), (SELECT count(*) FROM tag WHERE id <= ?)", U, T));
        }
        assertEquals(200, Http.send("POST", cluster.url("/api/auth/token"), null,
                "{\"username\":\"user0003\",\"password\":\"password\"}").statusCode(), "a dataset user signs in with 'password'");
    }

    private static List<String> row(Connection db, String sql, Object... parameters) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                List<String> values = new java.util.ArrayList<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    Object value = rows.getObject(i);
                    values.add(value instanceof java.sql.Timestamp ts ? ts.toInstant().toString()
                            : value instanceof OffsetDateTime odt ? odt.toInstant().toString() : String.valueOf(value));
                }
                return values;
            }
        }
    }

    private static List<String> column(Connection db, String sql, Object parameter) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            List<String> values = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
