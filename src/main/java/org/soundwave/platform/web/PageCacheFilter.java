package org.soundwave.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.soundwave.platform.DatabaseAvailability;
import org.soundwave.platform.cache.CacheLevel;
import org.soundwave.platform.cache.Caches;
import org.soundwave.platform.cache.SharedCache;
import org.soundwave.platform.health.WarmUp;

/**
 * The page cache: whole responses of the configured pages kept in the data grid for their level's time to
 * live, shared by every node. Two levels hold pages, each with its paths: the blog's
 * ({@code soundwave.cache.page.paths}: the lists and the post pages; see BlogCaches for what a comment or
 * a post removes) and the market's ({@code soundwave.cache.shop.paths}: the shop, categories and products;
 * emptied after any catalog change commits, see MarketCaches).
 * <ul>
 * <li>Only anonymous GETs are stored, and only they get the stored page as it is: a request with a session,
 * a signed-in user or an Authorization header renders its own page ({@code X-Cache: BYPASS}, {@code
 * Cache-Control: private, no-store}, as every page a session holder gets), so nobody sees another person's
 * page, and a visitor who signs in sees their own state at once.</li>
 * <li>Except for signed-in members: the pages are stored as templates with their personal
 * parts left open ({@link PageTemplate}), and a member's GET is the stored page with the member's name,
 * form token and own sections filled in ({@code X-Cache: HIT}, still {@code private, no-store}), without
 * rendering. A member who finds no fresh template gets their page rendered, and the node fetches the page
 * as a visitor in the background to store it ({@link PageFill}).</li>
 * <li>Only what is the same for every visitor is stored: status 200, no cookie set, no Faces view state.</li>
 * <li>The key is the path and the one parameter these pages read ({@code page}, canonical digits); any
 * other query is rendered and not stored, so nobody can fill the cache with variants. The pages vary on
 * no request header except Cookie, which decides whether the cache is used at all ({@code Vary: Cookie}
 * keeps browsers from reusing a visitor's copy after sign-in).</li>
 * <li>Concurrent misses for one page on one node render it once (see {@link SharedCache}).</li>
 * <li>Stale if error (RFC 5861): a level with {@code stale-if-error-seconds} keeps its pages that long past
 * their time to live. While PostgreSQL is unreachable, or when rendering a page again fails with a server
 * error, visitors get the last copy ({@code X-Cache: STALE}, with its {@code Age}) as long as it is within
 * that bound; only a page with no copy gets the 503.</li>
 * </ul>
 * Responses say what happened: {@code X-Cache: HIT|MISS|STALE|BYPASS}, {@code Age}, {@code Cache-Control}.
 */
@WebFilter(filterName = "pageCache", asyncSupported = true) // mapped in web.xml (filter order)
public class PageCacheFilter extends HttpFilter {

    public static final String X_CACHE = "X-Cache";

    /** Larger pages are rendered every time rather than stored. */
    static final int MAX_PAGE_BYTES = 512 * 1024;

    /** The queries a cached page may have: a page number, or a sort order of the market's listings. */
    private static final Pattern PAGE_QUERY = Pattern.compile("page=[1-9][0-9]{0,8}|sort=-?(name|price)");
    private static final Pattern SEGMENT = Pattern.compile("[^/]+");

    /** Paths that are never pages (API, health, metrics, static resources): left alone. */
    private static final List<String> NOT_PAGES = List.of("/api/", "/health", "/metrics", "/openapi", "/jakarta.faces.resource/", "/resources/", "/images/");

    @Inject
    Caches caches;

    @Inject
    WarmUp warmUp;

    @Inject
    DatabaseAvailability database;

    @Inject
    PageFill fill;

    @Inject
    @ConfigProperty(name = "soundwave.cache.page.paths")
    List<String> blogPaths;

    @Inject
    @ConfigProperty(name = "soundwave.cache.shop.paths")
    List<String> shopPaths;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (NOT_PAGES.stream().anyMatch(path::startsWith) || warmUp.rendersWarmUp(request)) {
            chain.doFilter(request, response);   // the node's own warm-up renders pages: rendering is what it warms
            return;
        }
        Optional<CacheLevel> level = level(path);
        Optional<String> key = level.flatMap(l -> key(request, path));
        if (personal(request)) {
            response.setHeader("Cache-Control", "private, no-store");
            if (key.isPresent() && serveMember(key.get(), caches.level(level.get()), request, response)) {
                return;
            }
            key.ifPresent(k -> response.setHeader(X_CACHE, "BYPASS"));
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        SharedCache pages = caches.level(level.get());
        if (!pages.enabled()) {
            response.setHeader(X_CACHE, "BYPASS");
            chain.doFilter(request, response);
            return;
        }
        if (!database.reachable() && serveStale(key.get(), pages, response)) {
            return;   // no rendering tried: it would need the database
        }
        serve(key.get(), pages, request, response, chain);
    }

    /**
     * A signed-in member's page filled in from the fresh template under the key; false (and the template
     * asked for, see {@link PageFill}) if there is none, or the reader is not a member with a form token.
     */
    private boolean serveMember(String key, SharedCache pages, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        PageTemplate.Viewer viewer = PersonalParts.viewer(request);
        HttpSession session = request.getSession(false);
        Optional<String> token = session == null ? Optional.empty() : FormToken.existing(session);
        if (viewer == null || token.isEmpty() || !pages.enabled()) {
            return false;   // rendered: a rendering sets the form token the first time
        }
        Optional<CachedPage> page = pages.peek(key, CachedPage.class).filter(p -> fresh(p, pages, System.currentTimeMillis()));
        if (page.isEmpty()) {
            fill.request(request.getContextPath() + key);
            return false;
        }
        response.setHeader(X_CACHE, "HIT");
        write(page.get(), page.get().template().fill(viewer.withToken(token.get())), response);
        return true;
    }

    private void serve(String key, SharedCache pages, HttpServletRequest request, HttpServletResponse response,
                       FilterChain chain) throws IOException, ServletException {
        CapturingResponse[] rendered = new CapturingResponse[1];
        long now = System.currentTimeMillis();
        CachedPage page;
        try {
            page = pages.get(key, CachedPage.class, () -> {
                        rendered[0] = new CapturingResponse(response);
                        render(request, rendered[0], chain);
                        return rendered[0].page(System.currentTimeMillis());
                    }, p -> rendered[0] == null || shareable(rendered[0], request),   // null: another node's stored page
                    p -> fresh(p, pages, now));
        } catch (RenderFailure failure) {
            failure.rethrow();
            return;
        }
        if (rendered[0] != null) {
            if (rendered[0].status() >= HttpServletResponse.SC_INTERNAL_SERVER_ERROR && serveStale(key, pages, response)) {
                return;   // stale-if-error: the last copy rather than the error
            }
            // This request rendered it: MISS. Its own rendering goes out even when it was not shareable.
            boolean stored = shareable(rendered[0], request);
            response.setHeader(X_CACHE, "MISS");
            if (stored) {
                publicHeaders(response, pages, 0);
            } else if (rendered[0].status() == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
                DatabaseOutageFilter.retryAfter(response);
            }
            rendered[0].sendTo(response);
            return;
        }
        // A value found in the cache, or rendered meanwhile by another request on this node: HIT (or STALE,
        // when what another request left there is the old copy it could not replace).
        send(page, pages, response);
    }

    /** Within its level's time to live: served as a HIT; older copies are rendered again, or served STALE. */
    private static boolean fresh(CachedPage page, SharedCache pages, long now) {
        return page.ageSeconds(now) < pages.ttlSeconds();
    }

    /** Serves the key's last copy if it is within the stale-if-error bound; false if there is none. */
    private static boolean serveStale(String key, SharedCache pages, HttpServletResponse response) throws IOException {
        long now = System.currentTimeMillis();
        Optional<CachedPage> copy = pages.stale(key, CachedPage.class)
                .filter(p -> p.ageSeconds(now) <= (long) pages.ttlSeconds() + pages.staleIfErrorSeconds());
        if (copy.isEmpty()) {
            return false;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        send(copy.get(), pages, response);
        return true;
    }

    private static void send(CachedPage page, SharedCache pages, HttpServletResponse response) throws IOException {
        long now = System.currentTimeMillis();
        long age = page.ageSeconds(now);
        response.setHeader(X_CACHE, fresh(page, pages, now) ? "HIT" : "STALE");
        publicHeaders(response, pages, age);
        write(page, page.template().visitorBody(), response);
    }

    /** The stored page's own headers and content type, and this body: a visitor's page or a member's. */
    private static void write(CachedPage page, byte[] body, HttpServletResponse response) throws IOException {
        page.headers().forEach(h -> response.addHeader(h.name(), h.value()));
        if (page.contentType() != null) {
            response.setContentType(page.contentType());
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Rendered for everyone: nothing personal in it, and no session was opened while rendering it. */
    private static boolean shareable(CapturingResponse rendered, HttpServletRequest request) {
        return rendered.shareable(MAX_PAGE_BYTES) && request.getSession(false) == null;
    }

    private static void publicHeaders(HttpServletResponse response, SharedCache pages, long age) {
        int staleIfError = pages.staleIfErrorSeconds();
        response.setHeader("Cache-Control", "public, max-age=" + pages.ttlSeconds()
                + (staleIfError > 0 ? ", stale-if-error=" + staleIfError : ""));
        response.setHeader("Age", String.valueOf(age));
        response.setHeader("Vary", "Cookie");
    }

    /** The level that keeps this path's pages, if any does. */
    private Optional<CacheLevel> level(String path) {
        if (matches(blogPaths, path)) {
            return Optional.of(CacheLevel.PAGE);
        }
        return matches(shopPaths, path) ? Optional.of(CacheLevel.SHOP) : Optional.empty();
    }

    /** The cache key of an anonymous GET of a cacheable page's path, if this request is one. */
    static Optional<String> key(HttpServletRequest request, String path) {
        if (!"GET".equals(request.getMethod())) {
            return Optional.empty();
        }
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return Optional.of(path);
        }
        return PAGE_QUERY.matcher(query).matches() ? Optional.of(path + "?" + query) : Optional.empty();
    }

    /** Whether a path is one of the patterns: exact paths, or a prefix/* for one more segment. */
    static boolean matches(List<String> paths, String path) {
        for (String pattern : paths) {
            if (pattern.endsWith("/*")) {
                String prefix = pattern.substring(0, pattern.length() - 1);
                if (path.startsWith(prefix) && SEGMENT.matcher(path.substring(prefix.length())).matches()) {
                    return true;
                }
            } else if (pattern.equals(path)) {
                return true;
            }
        }
        return false;
    }

    /** Someone whose pages may differ from a visitor's: signed in, holding a session, or sending credentials. */
    private static boolean personal(HttpServletRequest request) {
        return request.getUserPrincipal() != null || request.getSession(false) != null
                || request.getHeader("Authorization") != null;
    }

    /** Renders into memory, as a template only for the length of this chain (never an error page after it). */
    private static void render(HttpServletRequest request, CapturingResponse response, FilterChain chain) {
        request.setAttribute(PersonalParts.TEMPLATE, Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        } catch (IOException e) {
            throw new RenderFailure(e);
        } catch (ServletException e) {
            throw new RenderFailure(e);
        } finally {
            request.removeAttribute(PersonalParts.TEMPLATE);
        }
    }

    /** Carries the chain's checked exceptions through the cache's loader. */
    private static final class RenderFailure extends RuntimeException {
        RenderFailure(Exception cause) {
            super(cause);
        }

        void rethrow() throws IOException, ServletException {
            if (getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) getCause();
        }
    }
}
