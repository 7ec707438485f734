package org.soundwave.platform.health;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.soundwave.account.Credentials;
import org.soundwave.account.WarmUpMember;
import org.soundwave.platform.NodeIdentity;

/**
 * The short warm-up pass a node runs before it reports ready, so that its first visitors do not pay for
 * what a JVM does once: loading classes, building each view the first time, preparing the first queries,
 * opening connections. Once the web module has started ({@link WebModuleStarted}), it finds the main pages
 * and the API's lists and items ({@link WarmUpPlan}), then requests them in turn over its own HTTP listener
 * ({@code soundwave.warmup.url}, which bin/cluster sets) until {@code soundwave.warmup.requests} have been
 * served or {@code soundwave.warmup.max-seconds} have passed, optionally ({@code soundwave.warmup.settle-*},
 * off by default) then one worker alone until the JIT compilers are quiet ({@link #settle}), then until the
 * data grid is safe (no partition still migrating to or from this new member). Readiness
 * ({@link WarmUpCheck}) is DOWN until then. What the JIT compiles for the hot paths is compiled under real
 * traffic afterwards, while httpd gives the node a small, growing share of it (bin/cluster's slow start).
 * Half of its workers browse signed in as this node's warm-up member ({@link WarmUpMember}; without it,
 * with a visitor's session opened by /visit), signed out at the end, so the replicated session's load and
 * save, the member's authentication and the per-member pages are warm too.
 * <p>Its requests carry a token only this JVM knows ({@link #HEADER}); the request log and metrics leave
 * them out. One request in four ({@code soundwave.warmup.render-every}) renders its page, every path in
 * turn, the page cache neither answering nor storing it (the renderings members' own pages and visitors'
 * misses need); the others ({@link #READ}) go through the page cache as anyone's would. The requests go
 * through {@link WarmUpClient}. Without a URL (a node not started by bin/cluster) there is no warm-up and
 * the check is UP at once.
 */
@ApplicationScoped
public class WarmUp {

    /** The request header that marks this node's own warm-up requests. */
    public static final String HEADER = "X-Soundwave-Warm-Up";

    /** Appended to the token: a warm-up request the page cache treats as anyone's. */
    static final String READ = ":read";

    private static final Logger LOG = Logger.getLogger(WarmUp.class.getName());

    private final String token = newToken();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong settleServed = new AtomicLong();
    private volatile State state = State.NOT_STARTED;
    private volatile long startedNanos;
    private volatile String signedInAs = "none";
    private volatile long seconds;

    enum State { NOT_STARTED, RUNNING, DONE, SKIPPED }

    @Inject
    Config config;

    private WarmUpSettings settings;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    WarmUpMember warmUpMember;

    @Inject
    NodeIdentity node;

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance hazelcast;

    /** How long the pass went on until the JIT settled, and whether it did before the deadline. */
    private volatile long settleMillis;
    private volatile boolean settled;

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
        settings = WarmUpSettings.from(config);
        if (!settings.enabled()) {
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

    long settleRequests() {
        return settleServed.get();
    }

    long settleMillis() {
        return settleMillis;
    }

    /** Whether the JIT compilers were quiet before the deadline (false also when settling is off). */
    boolean settled() {
        return settled;
    }

    long seconds() {
        return state == State.RUNNING ? (System.nanoTime() - startedNanos) / 1_000_000_000L : seconds;
    }

    private void run() {
        long deadline = startedNanos + Duration.ofSeconds(settings.maxSeconds()).toNanos();
        WarmUpClient client = new WarmUpClient(settings.url(), token);
        try {
            awaitServing(client, deadline);
            WarmUpPlan plan = WarmUpPlan.discover(client, settings.renderEvery());
            CountDownLatch done = new CountDownLatch(settings.concurrency());
            AtomicLong next = new AtomicLong();
            Optional<Credentials> member = warmUpMember.prepare(node.name());
            for (int i = 0; i < settings.concurrency(); i++) {
                // Half the workers browse as a signed-in member does (see the class comment).
                boolean withSession = i % 2 == 0;
                boolean settles = i == 0;
                threads.newThread(() -> {
                    String session = withSession ? session(client, member) : null;
                    try {
                        long n;
                        while ((n = next.getAndIncrement()) < settings.requests() && System.nanoTime() < deadline) {
                            get(client, plan.path(n), session, !plan.renders(n), served);
                        }
                        if (settles) {
                            settle(client, plan, session, next, deadline);
                        }
                    } finally {
                        if (session != null) {
                            plan.productPage().ifPresent(product -> client.signOut(session, product));
                        }
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
            LOG.info("warm-up done: " + served.get() + " requests (" + failed.get() + " not 2xx) in " + seconds + " s, then "
                    + settleServed.get() + " in " + settleMillis + " ms until the JIT " + (settled ? "settled" : "was left unsettled")
                    + ", and " + gridWaitMillis + " ms waiting for the grid's migrations");
        }
    }

    /**
     * The pass's last phase, for one worker: it goes on alone, a request at a time, until the JIT compilers
     * have been quiet for a window ({@link JitActivity}, {@code soundwave.warmup.settle-*}) or the deadline.
     * While four workers keep the compilers' queue long, HotSpot's tiered policy raises the invocation counts
     * at which it compiles a method with C2 in proportion to the queue's length ({@code Tier4LoadFeedback}),
     * so methods every request runs were still in C1's code when the budget was spent, and a restarted
     * node's first seconds under load went to compiling them (JDK Flight Recorder's {@code jdk.Compilation}
     * events: some hundred per-request methods compiled by C2 for the first time in its first 10 s, 5 s of
     * a core). One worker leaves C2 the CPU to catch up, at normal thresholds.
     */
    private void settle(WarmUpClient client, WarmUpPlan plan, String session, AtomicLong next, long deadline) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (!settings.settles() || jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        JitActivity activity = new JitActivity(settings.settleWindowMillis(), settings.settlePerMille());
        long start = System.nanoTime();
        activity.sample(0, jit.getTotalCompilationTime());
        while (!activity.quiet() && System.nanoTime() < deadline) {
            long n = next.getAndIncrement();
            get(client, plan.path(n), session, !plan.renders(n), settleServed);
            activity.sample((System.nanoTime() - start) / 1_000_000L, jit.getTotalCompilationTime());
        }
        settled = activity.quiet();
        settleMillis = (System.nanoTime() - start) / 1_000_000L;
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
    private void awaitServing(WarmUpClient client, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            if (client.get("/", null).map(HttpResponse::statusCode).orElse(0) == 200) {
                return;
            }
            Thread.sleep(100);   // polling the node's own listener until it serves; not a synchronisation of tests
        }
    }

    /**
     * The session a worker browses with: the warm-up member's, signed in, if there is one and signing in
     * works; a visitor's otherwise.
     */
    private String session(WarmUpClient client, Optional<Credentials> member) {
        Optional<String> signedIn = member.flatMap(client::signIn);
        if (signedIn.isPresent()) {
            signedInAs = member.get().getUsername();
            return signedIn.get();
        }
        member.ifPresent(m -> LOG.warning("the warm-up member could not sign in: the warm-up browses without signing in"));
        return client.visitorSession();
    }

    private void get(WarmUpClient client, String path, String session, boolean read, AtomicLong counted) {
        HttpRequest.Builder request = client.request(path, session).GET();
        if (read) {
            request.setHeader(HEADER, token + READ);
        }
        Optional<HttpResponse<String>> response = client.send(request);
        counted.incrementAndGet();
        if (response.isEmpty() || response.get().statusCode() / 100 != 2) {
            failed.incrementAndGet();
        }
    }
}
