package org.soundwave.platform.health;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.soundwave.account.Credentials;
import org.soundwave.account.WarmUpMember;

/**
 * The warm-up pass a node runs before it reports ready, so that no visitor meets a cold JVM: a node that
 * just started serves a third of its warm rate until the JIT has compiled the hot paths. Once the web
 * module has started ({@link WebModuleStarted}), it finds the main pages (the lists, posts, tags, authors,
 * the shop, categories, products) by following the links of {@code /} and {@code /shop}, adds the API's
 * lists and items, then requests them in turn over its own HTTP listener ({@code soundwave.warmup.url},
 * which bin/cluster sets) until {@code soundwave.warmup.requests} have been served or
 * {@code soundwave.warmup.max-seconds} have passed, then until the data grid is safe (no partition still
 * migrating to or from this new member) within the same time. Readiness ({@link WarmUpCheck}) is DOWN until then.
 * Half of its workers browse signed in as this node's warm-up member ({@link WarmUpMember}; without it,
 * with a visitor's session opened by /visit), signed out at the end, so the replicated session's load and
 * save, the member's authentication and the per-member pages are warm too.
 * <p>Its requests carry a token only this JVM knows ({@link #HEADER}); the request log and metrics leave
 * them out. One request in four renders its page, the page cache neither answering nor storing it (the
 * renderings members' own pages and visitors' misses need); the others ({@link #READ}) go through the page
 * cache as anyone's would, as most requests do, so that serving a stored page, and filling one in for a
 * member, is compiled first. (Half of each measured 0.74 of a warm node's rate on a member's post page in
 * a restarted node's first 10 s; a quarter of renderings, 0.94.) Without a URL (a node not started by bin/cluster) there is no
 * warm-up and the check is UP at once.
 */
@ApplicationScoped
public class WarmUp {

    /** The request header that marks this node's own warm-up requests. */
    public static final String HEADER = "X-Soundwave-Warm-Up";

    /** Appended to the token: a warm-up request the page cache treats as anyone's. */
    static final String READ = ":read";

    private static final Logger LOG = Logger.getLogger(WarmUp.class.getName());

    /** The pages and API lists the pass starts from; pages' links add posts, tags, authors, categories, products. */
    static final List<String> SEEDS = List.of("/", "/posts", "/posts?page=2", "/shop", "/api/posts", "/api/products",
            "/api/tags", "/api/categories");

    private static final Pattern LINK = Pattern.compile("href=\"(/(?:posts/[0-9]+|tags/[^\"/?#]+|authors/[^\"/?#]+|shop/[^\"/?#]+|products/[0-9]+))\"");
    private static final int MAX_PATHS = 60;
    private static final int LINKS_PER_PAGE = 12;
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final String token = newToken();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile State state = State.NOT_STARTED;
    private volatile long startedNanos;
    private volatile String signedInAs = "none";
    private volatile long seconds;

    enum State { NOT_STARTED, RUNNING, DONE, SKIPPED }

    @Inject
    @ConfigProperty(name = "soundwave.warmup.url")
    Optional<String> configuredUrl;

    private String url;

    @Inject
    @ConfigProperty(name = "soundwave.warmup.requests", defaultValue = "5000")
    int requests;

    @Inject
    @ConfigProperty(name = "soundwave.warmup.max-seconds", defaultValue = "60")
    int maxSeconds;

    @Inject
    @ConfigProperty(name = "soundwave.warmup.concurrency", defaultValue = "4")
    int concurrency;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    WarmUpMember warmUpMember;

    @Inject
    @ConfigProperty(name = "soundwave.node.name")
    Optional<String> nodeName;

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance hazelcast;

    /** How long the pass waited for the data grid to finish moving partitions (see {@link #awaitGridSafe}). */
    private volatile long gridWaitMillis;

    private static String newToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Whether this request is one of this node's own warm-up requests. */
    public boolean isWarmUpRequest(HttpServletRequest request) {
        String sent = request.getHeader(HEADER);
        return sent != null && (sent.equals(token) || sent.equals(token + READ));
    }

    /** Whether this request is one of the warm-up's renderings, which the page cache leaves alone. */
    public boolean rendersWarmUp(HttpServletRequest request) {
        String sent = request.getHeader(HEADER);
        return sent != null && sent.equals(token);
    }

    /** Starts the pass once (called when the web module has started). */
    synchronized void start() {
        if (state != State.NOT_STARTED) {
            return;
        }
        url = configuredUrl.orElse("");
        if (url.isBlank() || requests <= 0) {
            state = State.SKIPPED;
            return;
        }
        state = State.RUNNING;
        startedNanos = System.nanoTime();
        threads.newThread(this::run).start();
    }

    boolean ready() {
        return state == State.DONE || state == State.SKIPPED;
    }

    String state() {
        return state.name().toLowerCase();
    }

    /** The member the pass signed in as, or "none". */
    String signedInAs() {
        return signedInAs;
    }

    long served() {
        return served.get();
    }

    long failed() {
        return failed.get();
    }

    long seconds() {
        return state == State.RUNNING ? (System.nanoTime() - startedNanos) / 1_000_000_000L : seconds;
    }

    private void run() {
        long deadline = startedNanos + Duration.ofSeconds(maxSeconds).toNanos();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        try {
            awaitServing(http, deadline);
            List<String> paths = paths(http);
            CountDownLatch done = new CountDownLatch(concurrency);
            AtomicLong next = new AtomicLong();
            Optional<Credentials> member = nodeName.flatMap(warmUpMember::prepare);
            for (int i = 0; i < concurrency; i++) {
                // Half the workers browse as a signed-in member does (see the class comment).
                boolean withSession = i % 2 == 0;
                threads.newThread(() -> {
                    String session = withSession ? member.map(m -> signIn(http, m)).orElseGet(() -> session(http)) : null;
                    try {
                        long n;
                        while ((n = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                            get(http, paths.get((int) (n % paths.size())), session, n % 4 != 0);
                        }
                    } finally {
                        endSession(http, session, paths);
                        done.countDown();
                    }
                }).start();
            }
            done.await();
            awaitGridSafe(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "warm-up stopped early: " + e, e);
        } finally {
            seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
            state = State.DONE;
            LOG.info("warm-up done: " + served.get() + " requests (" + failed.get() + " not 2xx) in " + seconds + " s, "
                    + gridWaitMillis + " ms of it waiting for the grid's migrations");
        }
    }

    /**
     * A node that joins the grid receives its share of partitions (sessions, caches) while it starts;
     * until those migrations are done, requests touching a moving partition wait for it. So the pass
     * ends when the grid is safe (every partition owned and backed up, nothing migrating) or at the
     * deadline, whichever comes first.
     */
    private void awaitGridSafe(long deadline) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() < deadline && !hazelcast.getPartitionService().isClusterSafe()) {
            Thread.sleep(200);   // polling the grid's state until it has settled; not a synchronisation of tests
        }
        gridWaitMillis = (System.nanoTime() - start) / 1_000_000L;
    }

    long gridWaitMillis() {
        return gridWaitMillis;
    }

    /** The web module's servlets have started, but the listener may answer 404 for a moment longer. */
    private void awaitServing(HttpClient http, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            if (send(http, "/").map(HttpResponse::statusCode).orElse(0) == 200) {
                return;
            }
            Thread.sleep(100);   // polling the node's own listener until it serves; not a synchronisation of tests
        }
    }

    /** The seeds, then the pages their links lead to, and those pages' API counterparts. */
    private List<String> paths(HttpClient http) {
        Set<String> paths = new LinkedHashSet<>(SEEDS);
        for (String page : List.of("/", "/shop")) {
            send(http, page).ifPresent(response -> links(response.body(), paths, LINKS_PER_PAGE));
        }
        Optional<String> category = paths.stream().filter(p -> p.startsWith("/shop/")).findFirst();
        category.flatMap(c -> send(http, c)).ifPresent(response -> links(response.body(), paths, LINKS_PER_PAGE));
        for (String path : List.copyOf(paths)) {
            if (path.startsWith("/posts/") || path.startsWith("/products/")) {
                paths.add("/api" + path);
            }
        }
        return paths.stream().limit(MAX_PATHS).toList();
    }

    /** Adds up to {@code max} new paths from the page's links (each page gets its share of the pass). */
    static void links(String html, Set<String> into, int max) {
        Matcher m = LINK.matcher(html);
        int added = 0;
        while (m.find() && added < max) {
            added += into.add(m.group(1)) ? 1 : 0;
        }
    }

    /** A new session's cookies ("JSESSIONID=...; JSESSIONIDVERSION=..."), opened by the visit page; null if none. */
    private String session(HttpClient http) {
        String session = send(http, "/visit", null).map(WarmUp::sessionCookies).orElse("");
        return session.isEmpty() ? null : session;
    }

    /**
     * Signs in on the sign-in page as a member does; the signed-in session's cookies, or a visitor's
     * session (see {@link #session}) if signing in fails.
     */
    private String signIn(HttpClient http, Credentials member) {
        Optional<HttpResponse<String>> form = send(http, "/sign-in");
        Matcher viewState = form.map(f -> VIEW_STATE.matcher(f.body())).filter(Matcher::find).orElse(null);
        String cookies = form.map(WarmUp::sessionCookies).orElse("");
        if (viewState == null || cookies.isEmpty()) {
            return session(http);
        }
        String body = "signin=signin&signin%3Ausername=" + encode(member.getUsername()) + "&signin%3Apassword="
                + encode(member.getPassword()) + "&signin%3Asubmit=Sign+in&jakarta.faces.ViewState=" + encode(viewState.group(1));
        Optional<HttpResponse<String>> signedIn = send(http, request("/sign-in", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (signedIn.map(HttpResponse::statusCode).orElse(0) != 302) {
            LOG.warning("the warm-up member could not sign in: the warm-up browses without signing in");
            return session(http);
        }
        signedInAs = member.getUsername();
        String renewed = sessionCookies(signedIn.get());   // a new session id at sign-in
        return renewed.isEmpty() ? cookies : renewed;
    }

    /** The session cookies a response sets ("JSESSIONID=...; JSESSIONIDVERSION=..."), or "". */
    private static String sessionCookies(HttpResponse<String> response) {
        return String.join("; ", response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0]).filter(c -> c.startsWith("JSESSIONID")).toList());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Signs the session out (its form token is on a product page's cart form), so it does not linger in the grid. */
    private void endSession(HttpClient http, String session, List<String> paths) {
        if (session == null) {
            return;
        }
        paths.stream().filter(p -> p.startsWith("/products/")).findFirst()
                .flatMap(product -> send(http, product, session))
                .map(page -> FORM_TOKEN.matcher(page.body()))
                .filter(Matcher::find)
                // If this fails, the session expires with the session timeout instead.
                .ifPresent(found -> send(http, request("/sign-out", session).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + found.group(1)))));
    }

    private void get(HttpClient http, String path, String session, boolean read) {
        HttpRequest.Builder request = request(path, session).GET();
        if (read) {
            request.setHeader(HEADER, token + READ);
        }
        Optional<HttpResponse<String>> response = send(http, request);
        served.incrementAndGet();
        if (response.isEmpty() || response.get().statusCode() / 100 != 2) {
            failed.incrementAndGet();
        }
    }

    private Optional<HttpResponse<String>> send(HttpClient http, String path) {
        return send(http, path, null);
    }

    private Optional<HttpResponse<String>> send(HttpClient http, String path, String session) {
        return send(http, request(path, session).GET());
    }

    /** A request to this node's own listener, marked as warm-up, with the session's cookies if any. */
    private HttpRequest.Builder request(String path, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).header(HEADER, token)
                .timeout(Duration.ofSeconds(10));
        if (session != null) {
            request.header("Cookie", session);
        }
        return request;
    }

    /** The answer, or empty if the node did not give one (the pass counts that as not 2xx). */
    private static Optional<HttpResponse<String>> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return Optional.of(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
