package org.soundwave.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.Http.json;
import static org.soundwave.platform.Http.send;
import static org.soundwave.platform.StandardDataset.longs;
import static org.soundwave.platform.StandardDataset.single;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/** The blog API as an integrator uses it, checked against the database itself. */
class PostsApiIT {

    private static TestCluster cluster;

    @BeforeAll
    static void seed() {
        cluster = StandardDataset.cluster();
    }

    /** Follows nextCursor from the first page to the last; returns every post id in order. */
    private static List<Long> walk(String path, int limit) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String url = cluster.url(path + (path.contains("?") ? "&" : "?") + "limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            HttpResponse<String> response = cluster.get(url);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject page = json(response);
            assertTrue(page.getJsonArray("items").size() <= limit, "at most limit items");
            page.getJsonArray("items").forEach(item -> ids.add(item.asJsonObject().getJsonNumber("id").longValue()));
            cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
            assertTrue(++pages < 10_000, "the walk ends");
        } while (cursor != null);
        return ids;
    }

    @Test
    void walkingAllCursorsReturnsEveryPostExactlyOnceNewestFirst() {
        List<Long> walked = walk("/api/posts", 17);
        assertEquals(walked.size(), new HashSet<>(walked).size(), "no post twice");
        assertEquals(longs(cluster, "SELECT id FROM post ORDER BY created DESC, id DESC"), walked);
    }

    @Test
    void tagAndAuthorFiltersMatchTheDatabase() {
        assertEquals(longs(cluster, "SELECT p.id FROM post p JOIN post_tag pt ON pt.post_id = p.id JOIN tag t ON t.id = pt.tag_id"
                + " WHERE t.name = 'tag003' ORDER BY p.created DESC, p.id DESC"), walk("/api/posts?tag=tag003", 9));
        assertEquals(longs(cluster, "SELECT p.id FROM post p JOIN app_user u ON u.id = p.author_id"
                + " WHERE u.username = 'user0005' ORDER BY p.created DESC, p.id DESC"), walk("/api/posts?author=USER0005", 5));
        assertEquals(List.of(), walk("/api/posts?tag=no-such-tag", 10), "an unknown tag has no posts");
    }

    @Test
    void limitAndCursorAreChecked() {
        for (String query : List.of("limit=101", "limit=0", "limit=-1", "cursor=not-a-cursor", "cursor=" + UUID.randomUUID())) {
            HttpResponse<String> response = cluster.get(cluster.url("/api/posts?" + query));
            assertEquals(400, response.statusCode(), query);
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow(), query);
            String field = query.substring(0, query.indexOf('='));
            assertEquals(field, json(response).getJsonArray("errors").getJsonObject(0).getString("field"), query);
        }
        assertEquals(100, json(cluster.get(cluster.url("/api/posts?limit=100"))).getJsonArray("items").size());
        assertEquals(400, cluster.get(cluster.url("/api/posts/1/comments?limit=101")).statusCode());
    }

    @Test
    void aPostCarriesItsTagsCommentCountAndLatestThreeComments() {
        long id = single(cluster, "SELECT max(id) FROM post WHERE id <= " + StandardDataset.POSTS);
        JsonObject post = json(cluster.get(cluster.url("/api/posts/" + id)));
        assertEquals(single(cluster, "SELECT count(*) FROM comment WHERE post_id = ?", id), post.getJsonNumber("commentCount").longValue());
        List<Long> latest = post.getJsonArray("recentComments").stream()
                .map(c -> c.asJsonObject().getJsonNumber("id").longValue()).toList();
        assertEquals(longs(cluster, "SELECT id FROM comment WHERE post_id = ? ORDER BY created DESC, id DESC LIMIT 3", id), latest);
        assertEquals(longs(cluster, "SELECT t.id FROM tag t JOIN post_tag pt ON pt.tag_id = t.id WHERE pt.post_id = ? ORDER BY t.name", id).size(),
                post.getJsonArray("tags").size());

        HttpResponse<String> missing = cluster.get(cluster.url("/api/posts/987654321"));
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(404, cluster.get(cluster.url("/api/posts/987654321/comments")).statusCode());
    }

    @Test
    void walkingAPostsCommentsReturnsEachOnceNewestFirst() {
        long id = single(cluster, "SELECT post_id FROM comment GROUP BY post_id ORDER BY count(*) DESC, post_id LIMIT 1");
        assertEquals(longs(cluster, "SELECT id FROM comment WHERE post_id = ? ORDER BY created DESC, id DESC", id),
                walk("/api/posts/" + id + "/comments", 3));
    }

    @Test
    void aMembersCommentAppearsInTheApiAndOnThePageEscaped() {
        long id = single(cluster, "SELECT min(id) FROM post");
        long before = single(cluster, "SELECT count(*) FROM comment WHERE post_id = ?", id);
        String token = Http.newMember(cluster, "commenter" + UUID.randomUUID().toString().substring(0, 8));
        String text = "Great riff! <script>alert('x')</script> " + UUID.randomUUID();

        HttpResponse<String> anonymous = send("POST", cluster.url("/api/posts/" + id + "/comments"), null, comment(text));
        assertEquals(401, anonymous.statusCode(), "anonymous comment");
        for (String bad : List.of("", "   ", "x".repeat(6000))) {
            HttpResponse<String> rejected = send("POST", cluster.url("/api/posts/" + id + "/comments"), token, comment(bad));
            assertEquals(400, rejected.statusCode(), rejected.body());
            assertEquals("content", json(rejected).getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        assertEquals(400, send("POST", cluster.url("/api/posts/" + id + "/comments"), token, null).statusCode(), "no body");
        assertEquals(before, single(cluster, "SELECT count(*) FROM comment WHERE post_id = ?", id), "nothing stored");

        HttpResponse<String> created = send("POST", cluster.url("/api/posts/" + id + "/comments"), token, comment(text));
        assertEquals(201, created.statusCode(), created.body());
        long commentId = json(created).getJsonNumber("id").longValue();

        JsonObject post = json(cluster.get(cluster.url("/api/posts/" + id)));
        assertEquals(before + 1, post.getJsonNumber("commentCount").longValue());
        assertEquals(commentId, post.getJsonArray("recentComments").getJsonObject(0).getJsonNumber("id").longValue(), "newest first");
        assertEquals(text, post.getJsonArray("recentComments").getJsonObject(0).getString("content"));

        for (String node : TestCluster.ACTIVE) {
            String page = cluster.get(cluster.nodeUrl(node, "/posts/" + id)).body();
            assertTrue(page.contains("Great riff! &lt;script&gt;alert('x')&lt;/script&gt;"), node + " shows the comment escaped");
            assertFalse(page.contains("<script>alert('x')"), node + " never shows it raw");
            assertTrue(page.contains("<span id=\"comment-count\">" + (before + 1) + "</span>"), node + " shows the new count");
        }
        HttpResponse<String> unknownPost = send("POST", cluster.url("/api/posts/987654321/comments"), token, comment("hello"));
        assertEquals(404, unknownPost.statusCode());
    }

    @Test
    void anAuthorPublishesRevisesAndAnAdministratorDeletesAPost() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String author = Http.newMember(cluster, "author" + suffix);
        String other = Http.newMember(cluster, "other" + suffix);
        String admin = Http.adminToken(cluster);

        assertEquals(401, send("POST", cluster.url("/api/posts"), null, post("t", "c", "x")).statusCode(), "anonymous");
        HttpResponse<String> invalid = send("POST", cluster.url("/api/posts"), author, post("", "c", "not a tag!"));
        assertEquals(400, invalid.statusCode());
        assertEquals(2, json(invalid).getJsonArray("errors").size(), invalid.body());

        HttpResponse<String> published = send("POST", cluster.url("/api/posts"), author, post("Fuzz pedals", "Which one?", "Gear", "fuzz", "gear"));
        assertEquals(201, published.statusCode(), published.body());
        JsonObject post = json(published);
        long id = post.getJsonNumber("id").longValue();
        assertEquals(cluster.url("/api/posts/" + id), published.headers().firstValue("Location").orElseThrow());
        assertEquals(List.of("fuzz", "gear"), post.getJsonArray("tags").getValuesAs(JsonValue::toString).stream()
                .map(s -> s.replace("\"", "")).toList(), "tags lower case, once, by name");
        assertEquals(id, json(cluster.get(cluster.url("/api/posts?limit=1"))).getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue(), "the newest post heads the list");

        assertEquals(403, send("PUT", cluster.url("/api/posts/" + id), other, post("Mine now", "x")).statusCode(), "not the author");
        assertEquals(403, send("DELETE", cluster.url("/api/posts/" + id), other, null).statusCode(), "not the author");
        HttpResponse<String> revised = send("PUT", cluster.url("/api/posts/" + id), author, post("Fuzz pedals, again", "Which one now?", "fuzz"));
        assertEquals(200, revised.statusCode(), revised.body());
        assertEquals("Fuzz pedals, again", json(revised).getString("title"));
        assertNotNull(json(revised).getString("updated"));

        send("POST", cluster.url("/api/posts/" + id + "/comments"), other, comment("The big muff."));
        assertEquals(204, send("DELETE", cluster.url("/api/posts/" + id), admin, null).statusCode(), "an administrator may");
        assertEquals(404, cluster.get(cluster.url("/api/posts/" + id)).statusCode());
        assertEquals(0, single(cluster, "SELECT count(*) FROM comment WHERE post_id = ?", id), "its comments went with it");
        assertEquals(404, send("DELETE", cluster.url("/api/posts/" + id), admin, null).statusCode());
    }

    @Test
    void tagsCarryTheirPostCounts() {
        JsonValue tags = Json.createReader(new java.io.StringReader(cluster.get(cluster.url("/api/tags")).body())).readValue();
        List<Long> counts = tags.asJsonArray().stream().map(t -> t.asJsonObject().getJsonNumber("posts").longValue()).toList();
        assertEquals(longs(cluster, "SELECT count(pt.post_id) FROM tag t LEFT JOIN post_tag pt ON pt.tag_id = t.id GROUP BY t.name ORDER BY t.name"), counts);
    }

    private static String comment(String content) {
        return Json.createObjectBuilder().add("content", content).build().toString();
    }

    private static String post(String title, String content, String... tags) {
        return Json.createObjectBuilder().add("title", title).add("content", content)
                .add("tags", Json.createArrayBuilder(List.of(tags))).build().toString();
    }
}
