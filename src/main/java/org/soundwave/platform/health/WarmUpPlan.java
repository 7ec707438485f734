package org.soundwave.platform.health;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a node's warm-up pass ({@link WarmUp}) requests: the seeds, the pages their links lead to (posts,
 * tags, authors, categories, products) and those pages' API counterparts, at most {@link #MAX_PATHS},
 * requested in turn. One request in {@code renderEvery} renders its page past the page cache, shifted by one
 * each round over the paths so that every path gets rendered ({@code n % renderEvery} alone would render the
 * same quarter of them every round when the number of paths is a multiple of it).
 */
final class WarmUpPlan {

    /** The pages and API lists the pass starts from. */
    static final List<String> SEEDS = List.of("/", "/posts", "/posts?page=2", "/shop", "/api/posts", "/api/products",
            "/api/tags", "/api/categories");

    static final int MAX_PATHS = 60;

    private static final Pattern LINK = Pattern.compile("href=\"(/(?:posts/[0-9]+|tags/[^\"/?#]+|authors/[^\"/?#]+|shop/[^\"/?#]+|products/[0-9]+))\"");
    private static final int LINKS_PER_PAGE = 12;

    private final List<String> paths;
    private final int renderEvery;

    WarmUpPlan(List<String> paths, int renderEvery) {
        if (paths.isEmpty() || renderEvery < 1) {
            throw new IllegalArgumentException("a warm-up plan needs paths and renderEvery >= 1, not " + renderEvery);
        }
        this.paths = List.copyOf(paths);
        this.renderEvery = renderEvery;
    }

    /** The seeds, then the pages the links of {@code /}, {@code /shop} and its first category lead to. */
    static WarmUpPlan discover(WarmUpClient client, int renderEvery) {
        Set<String> paths = new LinkedHashSet<>(SEEDS);
        for (String page : List.of("/", "/shop")) {
            client.get(page, null).ifPresent(response -> links(response.body(), paths, LINKS_PER_PAGE));
        }
        paths.stream().filter(p -> p.startsWith("/shop/")).findFirst()
                .flatMap(category -> client.get(category, null))
                .ifPresent(response -> links(response.body(), paths, LINKS_PER_PAGE));
        for (String path : List.copyOf(paths)) {
            if (path.startsWith("/posts/") || path.startsWith("/products/")) {
                paths.add("/api" + path);
            }
        }
        return new WarmUpPlan(paths.stream().limit(MAX_PATHS).toList(), renderEvery);
    }

    /** The path of the pass's request n. */
    String path(long n) {
        return paths.get((int) (n % paths.size()));
    }

    /** Whether the pass's request n renders its page past the page cache. */
    boolean renders(long n) {
        return (n + n / paths.size()) % renderEvery == 0;
    }

    /** A product page of the plan: it carries the sign-out form a signed-in worker ends with. */
    Optional<String> productPage() {
        return paths.stream().filter(p -> p.startsWith("/products/")).findFirst();
    }

    /** Adds up to {@code max} new paths from the page's links (each page gets its share of the pass). */
    static void links(String html, Set<String> into, int max) {
        Matcher m = LINK.matcher(html);
        int added = 0;
        while (m.find() && added < max) {
            added += into.add(m.group(1)) ? 1 : 0;
        }
    }
}
