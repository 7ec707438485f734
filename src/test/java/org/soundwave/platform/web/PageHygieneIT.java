package org.soundwave.platform.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.PageVisitor;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/**
 * What browsers and crawlers ask every site for, and the small texts people read: a favicon, robots.txt,
 * a meta description on every page (a post's and a product's own), and counts in the right number.
 */
class PageHygieneIT {

    private static final Pattern DESCRIPTION = Pattern.compile("<meta name=\"description\" content=\"([^\"]*)\"");

    private static TestCluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = StandardDataset.cluster();
    }

    @Test
    void theFaviconIsAnIconAndEveryPageLinksIt() throws IOException, InterruptedException {
        HttpResponse<byte[]> icon = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(cluster.url("/favicon.ico"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, icon.statusCode());
        assertEquals("image/x-icon", icon.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(new byte[] {0, 0, 1, 0}, Arrays.copyOf(icon.body(), 4), "an ICO file's header");
        assertTrue(Http.get(cluster.url("/")).body().contains("<link rel=\"icon\" href=\"/favicon.ico\""));
    }

    @Test
    void robotsTxtKeepsCrawlersOutOfTheApiAndAccounts() {
        HttpResponse<String> robots = Http.get(cluster.url("/robots.txt"));
        assertEquals(200, robots.statusCode());
        assertTrue(robots.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        for (String line : new String[] {"User-agent: *", "Disallow: /api/", "Disallow: /cart", "Disallow: /admin/"}) {
            assertTrue(robots.body().lines().anyMatch(line::equals), "robots.txt has " + line + ":\n" + robots.body());
        }
    }

    @Test
    void everyPageHasAMetaDescriptionAndPostsAndProductsTheirOwn() {
        for (String path : new String[] {"/", "/posts", "/tags/tag003", "/shop", "/sign-in", "/visit"}) {
            assertTrue(description(Http.get(cluster.url(path)).body()).length() > 40, path + " has a meta description");
        }
        long post = StandardDataset.single(cluster, "SELECT min(id) FROM post");
        String content = StandardDataset.texts(cluster, "SELECT content FROM post WHERE id = ?", post).get(0);
        String postDescription = description(Http.get(cluster.url("/posts/" + post)).body());
        assertTrue(postDescription.length() <= 155, postDescription);
        assertTrue(content.strip().replaceAll("\\s+", " ").startsWith(postDescription.replace("…", "").strip()),
                "the post's opening words: " + postDescription);
        long product = StandardDataset.single(cluster, "SELECT min(id) FROM product WHERE active AND description <> ''");
        String productText = StandardDataset.texts(cluster, "SELECT description FROM product WHERE id = ?", product).get(0);
        String productDescription = description(Http.get(cluster.url("/products/" + product)).body());
        assertTrue(productText.strip().replaceAll("\\s+", " ").startsWith(productDescription.replace("…", "").strip()),
                "the product's own description: " + productDescription);
    }

    @Test
    void countsOfOneAreSingular() {
        long reviewedOnce = StandardDataset.single(cluster, """
                SELECT min(p.id) FROM product p WHERE p.active AND (SELECT count(*) FROM review r WHERE r.product_id = p.id) = 1""");
        String product = Http.get(cluster.url("/products/" + reviewedOnce)).body();
        assertTrue(Pattern.compile("<span id=\"review-count\">1</span> review(?!s)").matcher(product).find(), "1 review, not 1 reviews");

        PageVisitor visitor = new PageVisitor();
        String visit = visitor.get(cluster.url("/visit")).body();
        assertTrue(visit.contains("<strong id=\"visit-count\">1</strong> time in this session"), "1 time, not 1 times");
        assertTrue(visitor.get(cluster.url("/visit")).body().contains("<strong id=\"visit-count\">2</strong> times in this session"));
    }

    private static String description(String page) {
        Matcher m = DESCRIPTION.matcher(page);
        assertTrue(m.find(), "a meta description");
        return m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
