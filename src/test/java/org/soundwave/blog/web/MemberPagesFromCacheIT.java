package org.soundwave.blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.PageVisitor;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/**
 * A signed-in member's pages come from the page cache: the page stored for everyone, with the
 * member's header, forms and own links filled in (platform/web/PageTemplate), and nothing rendered. Each
 * such page is the very page Faces renders for that member (a member, the post's author, an
 * administrator); a visitor's copy holds nothing of any member; readers' text that looks like the
 * template's markup stays text.
 */
class MemberPagesFromCacheIT {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** The one line that differs between two renderings by design: the node that rendered the page. */
    private static final Pattern RENDERED_BY = Pattern.compile("<strong id=\"rendered-by\">[^<]*</strong>");

    private static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = StandardDataset.cluster();
    }

    private static String xCache(HttpResponse<String> response) {
        return response.headers().firstValue("X-Cache").orElse("(none)");
    }

    private static String withoutRenderer(String page) {
        return RENDERED_BY.matcher(page).replaceAll("<strong id=\"rendered-by\">?</strong>");
    }

    private static PageVisitor signedIn(String name, String password) {
        PageVisitor reader = new PageVisitor();
        reader.signIn(cluster.url(""), name, password);
        return reader;
    }

    private static long newPost(String token, String title, String content) {
        HttpResponse<String> created = Http.send("POST", cluster.url("/api/posts"), token, Json.createObjectBuilder()
                .add("title", title).add("content", content).build().toString());
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created).getJsonNumber("id").longValue();
    }

    /**
     * The reader's page as Faces renders it (no template under its key yet), then as the page cache fills it
     * in once the node has stored the template; the two must be the same page.
     */
    private static String renderedThenFilled(PageVisitor reader, String path) {
        cluster.command("cache", "clear", path.startsWith("/posts") ? "page" : "shop");
        HttpResponse<String> rendered = reader.get(cluster.url(path));
        assertEquals(200, rendered.statusCode(), path);
        assertEquals("BYPASS", xCache(rendered), path + ": no template yet, so rendered for the member");
        AtomicReference<HttpResponse<String>> filled = new AtomicReference<>();
        TestCluster.awaitTrue("the node to store " + path + " for members", Duration.ofSeconds(30), () -> {
            filled.set(reader.get(cluster.url(path)));
            return "HIT".equals(xCache(filled.get()));
        });
        HttpResponse<String> page = filled.get();
        assertEquals(200, page.statusCode());
        assertEquals("private, no-store", page.headers().firstValue("Cache-Control").orElse(""), path + " is personal");
        assertEquals(TestCluster.servedBy(rendered), TestCluster.servedBy(page), "the member's session stays on one node");
        assertEquals(withoutRenderer(rendered.body()), withoutRenderer(page.body()), path + ": filled in = rendered");
        return page.body();
    }

    @Test
    void aMembersPageFromTheCacheIsThePageRenderedForThem() throws IOException {
        String author = "ma" + UUID.randomUUID().toString().substring(0, 8);
        String reader = "mr" + UUID.randomUUID().toString().substring(0, 8);
        long post = newPost(Http.newMember(cluster, author), "Cached for " + author, "Written to be read by members.");
        Http.newMember(cluster, reader);
        String adminPassword = Files.readString(cluster.secret("admin-password")).trim();

        PageVisitor member = signedIn(reader, "correct horse");
        String page = renderedThenFilled(member, "/posts/" + post);
        assertTrue(page.contains(">" + reader + "</a>") && page.contains("id=\"comment-form\""), "the member's header and comment form");
        assertFalse(page.contains("id=\"edit-post\"") || page.contains("id=\"admin-link\"") || page.contains("sign-in-to-comment"));
        Matcher tokens = TOKEN.matcher(page);
        assertTrue(tokens.find() && tokens.find(), "the sign-out and comment forms");
        String token = tokens.group(1);
        assertTrue(renderedThenFilled(member, "/posts").contains("id=\"new-post\""), "a member may write a post");
        renderedThenFilled(member, "/shop");
        long product = StandardDataset.single(cluster, "SELECT min(id) FROM product WHERE active AND stock > 0");
        String productPage = renderedThenFilled(member, "/products/" + product);
        assertTrue(productPage.contains("id=\"review-form\"") && productPage.contains("name=\"_csrf\" value=\"" + token + "\""),
                "the member's review form, and their token in the cart form");
        HttpResponse<String> visitorsProduct = cluster.get(cluster.url("/products/" + product));
        assertEquals("HIT", xCache(visitorsProduct));
        assertTrue(visitorsProduct.body().contains("name=\"_csrf\" value=\"\"") && !visitorsProduct.body().contains(token)
                && visitorsProduct.body().contains("id=\"sign-in-to-review\""), "a visitor's product page: no token, no review form");

        String own = renderedThenFilled(signedIn(author, "correct horse"), "/posts/" + post);
        assertTrue(own.contains("id=\"edit-post\"") && own.contains(">" + author + "</a>"), "the author edits their post");
        assertFalse(own.contains(token), "another session's token");

        String admins = renderedThenFilled(signedIn("admin", adminPassword), "/posts/" + post);
        assertTrue(admins.contains("id=\"edit-post\"") && admins.contains("id=\"admin-link\""), "an administrator edits any post");

        HttpResponse<String> visitors = cluster.get(cluster.url("/posts/" + post));
        assertEquals("HIT", xCache(visitors));
        for (String members : List.of(reader, "Signed in as", token, "comment-form", "edit-post", "admin-link", "new-post", "sw:")) {
            assertFalse(visitors.body().contains(members), "a visitor's page holds no " + members);
        }
        assertTrue(visitors.body().contains("id=\"sign-in-to-comment\"") && visitors.body().contains(">" + author + "</a>"),
                "the visitor's parts, and the author's name where the post names it");
    }

    @Test
    void textThatLooksLikeTheTemplatesMarkupStaysText() {
        String name = "mt" + UUID.randomUUID().toString().substring(0, 8);
        String title = "Markers <!--sw:end--> and {{sw:name}}";
        long post = newPost(Http.newMember(cluster, name), title,
                "<!--sw:if member-->members only<!--sw:end--> {{sw:token}} <!--sw:if visitor-->");
        cluster.command("cache", "clear", "page");

        HttpResponse<String> visitor = cluster.get(cluster.url("/posts/" + post));
        assertEquals(200, visitor.statusCode());
        assertEquals("MISS", xCache(visitor), "stored, as any post page");
        assertTrue(visitor.body().contains("&lt;!--sw:if member--&gt;members only&lt;!--sw:end--&gt; {{sw:token}}"), visitor.body());

        PageVisitor member = signedIn(name, "correct horse");
        String page = member.get(cluster.url("/posts/" + post)).body();
        assertTrue(page.contains("&lt;!--sw:end--&gt; and {{sw:name}}</h1>"), "the title as written, not the member's name");
        assertTrue(page.contains("{{sw:token}} &lt;!--sw:if visitor--&gt;"), "the content as written, not the member's token");
        assertEquals("HIT", xCache(member.get(cluster.url("/posts/" + post))), "and the member's page came from the cache");
    }
}
