package org.soundwave.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The private cluster every integration test shares: PostgreSQL, three Payara Micro nodes (two active,
 * one hot standby) and httpd, started once per test run by {@code bin/cluster up --hosts} itself, each on
 * a host of its own (a network namespace on 198.18.1.0/24, prefix swt), with the balancer forwarded to
 * loopback on ports that do not collide with a developer's running {@code bin/cluster up}: every test
 * runs across hosts. Stopped by {@link ClusterSessionListener}.
 */
public final class TestCluster {

    public static final List<String> ACTIVE = List.of("node1", "node2");
    public static final String STANDBY = "node3";
    /** Requests of each node's warm-up pass in the test cluster (the application's default is 1,000). */
    public static final int WARMUP_REQUESTS = 150;
    /** Seconds of a node's slow start in the test cluster (bin/cluster's SOUNDWAVE_SLOW_START). */
    public static final int SLOW_START_SECONDS = 3;

    /** PBKDF2 iterations of the test cluster's new password hashes (bin/cluster's default is 210,000). */
    public static final int PASSWORD_ITERATIONS = 1024;
    /** The test cluster's logs rotate at this size and keep this many files. */
    public static final int LOG_ROTATE_KB = 512;
    public static final int LOG_FILES = 3;
    public static final List<String> NODES = List.of("node1", "node2", "node3");

    private static TestCluster running;
    private static TestCluster toStop;

    private final Path projectDir = Path.of(property("soundwave.project.dir", "."));
    private final Path runDir;
    private final int httpPort;
    private final int nodePort;
    private final int hazelcastPort;
    private final int pgPort;
    private final String clusterName;
    /** The hosts' network (e.g. 198.18.1) and name prefix with {@code --hosts}; null on loopback. */
    private final String hostsNet;
    private final String hostsPrefix;
    /** The HTTPS port 'up' chose, once a test asked for it (tests on several threads may read it twice: harmless). */
    private volatile String httpsPort;

    private TestCluster(Path runDir, int httpPort, int nodePort, int hazelcastPort, int pgPort, String clusterName,
            String hostsNet, String hostsPrefix) {
        this.runDir = runDir.toAbsolutePath();
        this.httpPort = httpPort;
        this.nodePort = nodePort;
        this.hazelcastPort = hazelcastPort;
        this.pgPort = pgPort;
        this.clusterName = clusterName;
        this.hostsNet = hostsNet;
        this.hostsPrefix = hostsPrefix;
    }

    /** A cluster of the test's own in {@code runDir}, on loopback on the given ports; the caller starts and stops it. */
    public static TestCluster custom(Path runDir, int httpPort, int nodePort, int hazelcastPort, int pgPort) {
        return new TestCluster(runDir, httpPort, nodePort, hazelcastPort, pgPort, "soundwave-" + runDir.getFileName(), null, null);
    }

    /** Like {@link #custom}, each process on a host of its own on {@code hostsNet}.0/24, named {@code prefix}-... */
    public static TestCluster onHosts(Path runDir, int httpPort, int nodePort, int hazelcastPort, int pgPort,
            String hostsNet, String prefix) {
        return new TestCluster(runDir, httpPort, nodePort, hazelcastPort, pgPort, "soundwave-" + runDir.getFileName(), hostsNet, prefix);
    }

    /** The shared cluster, started (and every node ready) on first use. */
    public static synchronized TestCluster get() {
        if (running == null) {
            TestCluster cluster = new TestCluster(
                    Path.of(property("soundwave.it.run.dir", "target/it-cluster")),
                    Integer.parseInt(property("soundwave.it.http.port", "18080")),
                    Integer.parseInt(property("soundwave.it.node.port", "18181")),
                    Integer.parseInt(property("soundwave.it.hazelcast.port", "15901")),
                    Integer.parseInt(property("soundwave.it.pg.port", "15433")),
                    "soundwave-it",
                    property("soundwave.it.hosts.net", "198.18.1"),
                    "swt");
            toStop = cluster;   // even if 'up' fails half-way: whatever it started is stopped at the end
            cluster.command("up", "--nodes", "2", "--standby", "1", "--empty", "--wait");
            running = cluster;
        }
        running.awaitBalanced(NODES);
        return running;
    }

    static synchronized void stopIfStarted() {
        if (toStop != null) {
            toStop.command("down");
            toStop = null;
            running = null;
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    /** The balancer over HTTPS (bin/cluster's SOUNDWAVE_HTTPS_PORT, as 'up' saved it; read once). */
    public String httpsUrl(String path) {
        if (httpsPort == null) {
            httpsPort = read(runDir.resolve("cluster.conf")).lines()
                    .filter(line -> line.startsWith("SOUNDWAVE_HTTPS_PORT="))
                    .map(line -> line.substring("SOUNDWAVE_HTTPS_PORT=".length()))
                    .findFirst().orElseThrow(() -> new AssertionError("no HTTPS port in " + runDir.resolve("cluster.conf")));
        }
        return "https://127.0.0.1:" + httpsPort + path;
    }

    /** TLS that trusts exactly the certificate bin/cluster made for the edge (secrets/tls-cert.pem). */
    public SSLContext edgeTls() {
        try (InputStream pem = Files.newInputStream(secret("tls-cert.pem"))) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("edge", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            throw new AssertionError("cannot trust " + secret("tls-cert.pem"), e);
        }
    }

    public String nodeUrl(String node, String path) {
        return "http://" + host(node) + ":" + nodePort(node) + path;
    }

    /** A node's address, as the nodes file lists it: loopback, or its host's with --hosts. */
    public String host(String node) {
        return read(runDir.resolve("nodes.conf")).lines()
                .map(line -> line.strip().split("\\s+"))
                .filter(fields -> fields.length >= 2 && fields[0].equals(node))
                .map(fields -> fields[1])
                .findFirst().orElseThrow(() -> new AssertionError(node + " is not in " + runDir.resolve("nodes.conf")));
    }

    /** The hosts' network (e.g. 198.18.1), or empty on loopback. */
    public Optional<String> hostsNet() {
        return Optional.ofNullable(hostsNet);
    }

    /** The names of the network namespaces and links with this cluster's prefix (none on loopback). */
    public Optional<String> hostsPrefix() {
        return Optional.ofNullable(hostsPrefix);
    }

    /** The balancer's URL on the hosts' network (a client on another host uses it), e.g. http://198.18.1.2:18080. */
    public String balancerOnHostsNet(String path) {
        return "http://" + hostsNet().orElseThrow(() -> new AssertionError("this cluster runs on loopback, not on hosts"))
                + ".2:" + httpPort + path;
    }

    /**
     * Runs a command on one of this cluster's hosts (lb, db or a node: ip netns exec into its namespace), as a
     * client from that host's address would; what it printed and how it exited.
     */
    public Result onHost(String host, String... command) {
        List<String> commandLine = new ArrayList<>(List.of("ip", "netns", "exec",
                hostsPrefix().orElseThrow(() -> new AssertionError("this cluster runs on loopback, not on hosts")) + "-" + host));
        commandLine.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(commandLine).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(commandLine + " did not end");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError(commandLine + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A node's HTTP port: node1 has the first, nodeN the Nth (also for nodes add-node adds). */
    public int nodePort(String node) {
        return nodePort + Integer.parseInt(node.substring("node".length())) - 1;
    }

    public Path runDir() {
        return runDir;
    }

    public int hazelcastPort(String node) {
        return hazelcastPort + Integer.parseInt(node.substring("node".length())) - 1;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + (hostsNet == null ? "127.0.0.1" : hostsNet + ".3") + ":" + pgPort + "/soundwave";
    }

    /** PostgreSQL's port (on its socket and its address). */
    public int pgPort() {
        return pgPort;
    }

    /** A secret bin/cluster generated for this cluster (db-password, admin-password, jwt-private.pem, ...). */
    public Path secret(String name) {
        return runDir.resolve("secrets").resolve(name);
    }

    public String dbPassword() {
        return read(secret("db-password")).trim();
    }

    /** The PIDs bin/cluster recorded for the processes it started and that are running: nodes, httpd, postgres. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new TreeMap<>();
        try (Stream<Path> nodes = Files.list(runDir.resolve("nodes"))) {
            nodes.forEach(dir -> pidIn(dir.resolve("node.pid")).ifPresent(pid -> pids.put(dir.getFileName().toString(), pid)));
        } catch (IOException e) {
            throw new AssertionError("cannot list " + runDir.resolve("nodes"), e);
        }
        pidIn(runDir.resolve("httpd/httpd.pid")).ifPresent(pid -> pids.put("httpd", pid));
        pidIn(runDir.resolve("postgres/data/postmaster.pid")).ifPresent(pid -> pids.put("postgres", pid));
        pids.values().removeIf(pid -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        return pids;
    }

    /** The PID bin/cluster recorded for a node, if it has one. */
    public Optional<Long> pid(String node) {
        return pidIn(runDir.resolve("nodes/" + node + "/node.pid"));
    }

    private static Optional<Long> pidIn(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return read(file).lines().findFirst().map(String::trim).map(Long::parseLong);
    }

    /** kill -9 of the nodes, returning at once: their JVMs may still be tearing down when the caller goes on. */
    public void killWithoutWaiting(String... nodes) {
        for (String node : nodes) {
            process(node).destroyForcibly();
        }
    }

    /** kill -9 of a node's JVM, returning once the process is gone. */
    public void kill(String node) {
        ProcessHandle process = process(node);
        process.destroyForcibly();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(node + " (PID " + process.pid() + ") did not die", e);
        }
    }

    private ProcessHandle process(String node) {
        long pid = pid(node).orElseThrow(() -> new AssertionError(node + " has no PID file"));
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(node + " is not running"));
    }

    /**
     * bin/cluster up on the running cluster: starts any node that is down, reloads httpd gracefully
     * (which resets its balancing counters) and waits until every node is back in rotation.
     */
    public void up() {
        command("up", "--empty", "--wait");
        awaitBalanced(NODES);
    }

    /**
     * The member's status as httpd's balancer-manager shows it, e.g. "Init Ok", "Init HcFl"; "absent" when
     * httpd has no such member. Read by bin/lib/balancer-state, the scripts' one reader of that page.
     */
    public String balancerState(String route) {
        String state = script("bin/lib/balancer-state", url("/balancer-manager"), route).trim();
        return state.isEmpty() ? "absent" : state;
    }

    /**
     * Waits until httpd's health checks have every given member in rotation (state Ok, no error flags) at its
     * full share of new visitors (a node's slow start over).
     */
    public void awaitBalanced(List<String> routes) {
        awaitTrue("members " + routes + " in rotation at full share", Duration.ofSeconds(60), () -> routes.stream()
                .allMatch(route -> {
                    String s = balancerState(route);
                    return s.endsWith("Ok") && !s.contains("Err") && !s.contains("HcFl") && Integer.valueOf(FULL_FACTOR).equals(loadFactors().get(route));
                }));
    }

    /** A member's load factor at its full share of new visitors (bin/lib/balancer.sh's FULL_FACTOR). */
    public static final int FULL_FACTOR = 100;

    /** Each member's load factor as balancer-manager shows it now (route to factor, 1-100). */
    public Map<String, Integer> loadFactors() {
        return loadFactors(url("/balancer-manager"));
    }

    /** The same, as the balancer-manager at this URL shows them (httpd has one balancer per virtual host). */
    public Map<String, Integer> loadFactors(String balancerManager) {
        Map<String, Integer> factors = new TreeMap<>();
        script("bin/lib/balancer-state", balancerManager).lines()
                .map(line -> line.split("\t"))
                .filter(fields -> fields.length >= 4)
                .forEach(fields -> factors.put(fields[0], (int) Double.parseDouble(fields[3])));
        return factors;
    }

    public HttpResponse<String> get(String url) {
        return Http.get(url);
    }

    public static String servedBy(HttpResponse<?> response) {
        return response.headers().firstValue("X-Served-By").orElse("none");
    }

    /** Polls until the condition holds; fails with the description when the deadline passes. */
    public static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + "s waiting for " + what);
            }
            pause(Duration.ofMillis(250));
        }
    }

    /** Paces a loop (never used to wait for a state: see awaitTrue). */
    public static void pause(Duration interval) {
        try {
            TimeUnit.MILLISECONDS.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs bin/cluster with this cluster's run directory and ports; fails with its output if it fails. */
    public String command(String... args) {
        return script("bin/cluster", args);
    }

    /** Runs a project script (bin/cluster, loadtest/run) against this cluster; fails with its output if it fails. */
    public String script(String path, String... args) {
        Result result = run(path, args);
        if (result.exitCode() != 0) {
            throw new AssertionError(path + " " + String.join(" ", args) + " failed:\n" + result.output());
        }
        return result.output();
    }

    /** What a script printed (stdout and stderr) and how it exited. */
    public record Result(int exitCode, String output) {
    }

    /** Runs a project script against this cluster and returns how it ended, failed or not. */
    public Result run(String path, String... args) {
        return run(Map.of(), path, args);
    }

    /** {@link #run(String, String...)} with more environment (settings of bin/cluster's, say). */
    public Result run(Map<String, String> environment, String path, String... args) {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(projectDir.resolve(path).toString());
        commandLine.addAll(List.of(args));
        try {
            Files.createDirectories(runDir);
            Path log = Files.createTempFile(runDir, "cluster-", ".log");
            ProcessBuilder builder = new ProcessBuilder(commandLine)
                    .directory(projectDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("SOUNDWAVE_RUN_DIR", runDir.toString());
            env.put("SOUNDWAVE_HTTP_PORT", String.valueOf(httpPort));
            env.put("SOUNDWAVE_NODE_PORT", String.valueOf(nodePort));
            env.put("SOUNDWAVE_HAZELCAST_PORT", String.valueOf(hazelcastPort));
            env.put("SOUNDWAVE_PG_PORT", String.valueOf(pgPort));
            env.put("SOUNDWAVE_CLUSTER_NAME", clusterName);
            if (hostsNet != null) {
                env.put("SOUNDWAVE_HOSTS", "yes");
                env.put("SOUNDWAVE_HOSTS_NET", hostsNet);
                env.put("SOUNDWAVE_HOSTS_PREFIX", hostsPrefix);
            }
            // The nodes inherit this: /visit (whose first response sets a session cookie) joins the cacheable
            // pages, so the page cache's "never store a response that sets a cookie" rule is exercised for real.
            env.put("SOUNDWAVE_CACHE_PAGE_PATHS", "/,/posts,/posts/*,/tags/*,/authors/*,/visit");
            // A short warm-up pass per node start (the suite starts nodes often; NodeDeathIT checks it ran), and
            // small log files, so LogRotationIT sees the nodes' and httpd's logs rotate within their bound.
            env.put("SOUNDWAVE_WARMUP_REQUESTS", String.valueOf(WARMUP_REQUESTS));
            // Its settling phase runs too, over half a second and as soon as the (C1-only) compilers use less
            // than a core: NodeDeathIT checks that it ran, not how long the JIT takes.
            env.put("SOUNDWAVE_WARMUP_SETTLE_WINDOW_MILLIS", "500");
            env.put("SOUNDWAVE_WARMUP_SETTLE_PER_MILLE", "1000");
            // The suite starts some twenty nodes: the C1 compiler alone starts each about a fifth faster, and
            // the tests measure correctness, never speed (the load tests run on bin/cluster's own JIT).
            env.put("SOUNDWAVE_NODE_EXTRA_JVM_OPTS", "-XX:TieredStopAtLevel=1");
            env.put("SOUNDWAVE_LOG_ROTATE_SIZE", LOG_ROTATE_KB + "K");
            env.put("SOUNDWAVE_LOG_FILES", String.valueOf(LOG_FILES));
            // New password hashes (and the seeded dataset's) with 1,024 PBKDF2 iterations, Soteria's least,
            // instead of 210,000: the suite opens and signs in hundreds of accounts, each most of a second of
            // CPU on C1-only nodes. Hashing and verifying are the same code either way (RegistrationIT checks
            // the setting reaches the stored hash).
            env.put("SOUNDWAVE_PASSWORD_ITERATIONS", String.valueOf(PASSWORD_ITERATIONS));
            // This machine's own addresses (the test JVM's, as the nodes see it) hash without a per-address
            // bound: the suite opens and signs in hundreds of accounts from here. CredentialThrottleIT asks
            // from another host of the test network, under the default bound.
            env.put("SOUNDWAVE_CREDENTIALS_EXEMPT_ADDRESSES", hostsNet == null ? "127.0.0.1" : "127.0.0.1," + hostsNet + ".1");
            // httpd checks each node every second instead of every 2: the suite takes nodes out of rotation
            // and back some forty times, and each waits for a failed check, then two passed ones.
            env.put("SOUNDWAVE_HC_INTERVAL", "1");
            // A node entering rotation reaches its full share of new visitors over 3 s instead of 30: RollingDeployIT
            // watches the share grow; the other tests restart nodes and should not wait for it.
            env.put("SOUNDWAVE_SLOW_START", String.valueOf(SLOW_START_SECONDS));
            // A slower simulated payment provider widens the window in which NodeDeathIT kills a processing node.
            env.put("SOUNDWAVE_PAYMENT_LATENCY_MS", "250");
            // Orders stay PAID for a few seconds before COMPLETED, so a browser can watch them become PAID.
            env.put("SOUNDWAVE_ORDERS_FULFIL_AFTER_MS", "4000");
            env.putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(path + " " + String.join(" ", args) + " timed out");
            }
            String output = Files.readString(log);
            Files.delete(log);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    private static String property(String name, String fallback) {
        return System.getProperty(name, fallback);
    }
}
