package org.soundwave.platform.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.TestCluster;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The ear/ module's EAR on Payara Server 6 full (Payara Micro cannot deploy EARs): a fresh domain on
 * loopback only, the EAR deployed against the test cluster's PostgreSQL, ready and serving pages, stopped.
 */
class EarOnPayaraServerIT {

    private static final Path SERVER = Path.of(System.getProperty("soundwave.payara.server.dir", "target/payara-server/payara6"));
    private static final Path EAR = Path.of(System.getProperty("soundwave.ear.file", "ear/target/soundwave.ear"));
    private static final String DOMAIN = "soundwave";
    /** admin 19048, HTTP 19080, HTTPS 19081, IIOP 19037-19039, JMS 19076; none used by the test cluster. */
    private static final int PORTBASE = 19000;
    private static final int HAZELCAST_PORT = 19900;

    @Test
    void theEarDeploysOnPayaraServerAndServesAgainstTheSamePostgresql() throws Exception {
        TestCluster cluster = TestCluster.get();
        assertTrue(Files.isRegularFile(SERVER.resolve("bin/asadmin")), "no Payara Server at " + SERVER);
        Path domains = SERVER.getParent().resolveSibling("payara-server-domains").toAbsolutePath();
        deleteTree(domains);
        asadmin(cluster, "create-domain", "--nopassword", "--portbase", String.valueOf(PORTBASE),
                "--domaindir", domains.toString(), DOMAIN);
        onLoopbackOnly(domains.resolve(DOMAIN + "/config/domain.xml"));
        try {
            asadmin(cluster, "start-domain", "--domaindir", domains.toString(), DOMAIN);
            asadmin(cluster, "--host", "127.0.0.1", "--port", String.valueOf(PORTBASE + 48), "deploy", "--name", "soundwave",
                    EAR.toAbsolutePath().toString());

            String base = "http://127.0.0.1:" + (PORTBASE + 80);
            TestCluster.awaitTrue("the EAR's readiness", Duration.ofSeconds(60), () -> {
                HttpResponse<String> ready = cluster.get(base + "/health/ready");
                return ready.statusCode() == 200 && ready.body().contains("\"name\":\"web\",\"status\":\"UP\"");
            });
            String readiness = cluster.get(base + "/health/ready").body();
            assertTrue(readiness.contains("\"name\":\"database\",\"status\":\"UP\""), readiness);
            assertTrue(readiness.contains("\"node\":\"payara-server\""), readiness);
            // Its own one-member grid is not the minority of the test cluster's grid, whose notes share the database.
            assertTrue(readiness.contains("\"name\":\"hazelcast\",\"status\":\"UP\""), readiness);
            HttpResponse<String> home = cluster.get(base + "/");
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("Rendered by <strong id=\"rendered-by\">payara-server</strong>"), home.body());
            HttpResponse<String> posts = cluster.get(base + "/api/posts?limit=1");
            assertEquals(200, posts.statusCode(), "the API reads the cluster's database: " + posts.body());
        } finally {
            asadmin(cluster, "stop-domain", "--domaindir", domains.toString(), DOMAIN);
        }
        Path pidFile = domains.resolve(DOMAIN + "/config/pid");
        assertTrue(!Files.exists(pidFile) || ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                .map(p -> !p.isAlive()).orElse(true), "the domain's JVM stopped");
    }

    /** Runs asadmin with the settings a node gets from bin/cluster, for this server's application. */
    private static void asadmin(TestCluster cluster, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SERVER.resolve("bin/asadmin").toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("asadmin-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("TERM", "dumb");
        // Variables given to start-domain reach the domain's JVM: the application's MicroProfile Config reads them.
        env.put("SOUNDWAVE_DB_URL", cluster.jdbcUrl() + "?ApplicationName=soundwave-payara-server");
        env.put("SOUNDWAVE_DB_USER", "soundwave");
        env.put("SOUNDWAVE_DB_PASSWORD", cluster.dbPassword());
        env.put("SOUNDWAVE_ADMIN_PASSWORD", Files.readString(cluster.secret("admin-password")).trim());
        env.put("SOUNDWAVE_SECRETS_DIR", cluster.secret("").toString());
        env.put("SOUNDWAVE_JWT_PRIVATE_KEY_LOCATION", cluster.secret("jwt-private.pem").toString());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file://" + cluster.secret("jwt-public.pem"));
        env.put("SOUNDWAVE_NODE_NAME", "payara-server");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("asadmin " + String.join(" ", args) + " timed out:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        Files.delete(log);
        assertEquals(0, process.exitValue(), "asadmin " + String.join(" ", args) + ":\n" + output);
    }

    /**
     * Edits the new domain before its first start, so nothing ever listens beyond loopback: every listener
     * on 127.0.0.1, the JMX connector off, the data grid private (own name and port, bound to loopback),
     * and the JMS host (a fresh domain gets one only at first start, on every address) on 127.0.0.1.
     */
    private static void onLoopbackOnly(Path domainXml) throws Exception {
        Document domain = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(domainXml.toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        Element config = (Element) xpath.evaluate("/domain/configs/config[@name='server-config']", domain, XPathConstants.NODE);
        for (String listeners : List.of("network-config/network-listeners/network-listener", "iiop-service/iiop-listener")) {
            NodeList list = (NodeList) xpath.evaluate(listeners, config, XPathConstants.NODESET);
            for (int i = 0; i < list.getLength(); i++) {
                ((Element) list.item(i)).setAttribute("address", "127.0.0.1");
            }
        }
        Element jmx = (Element) xpath.evaluate("admin-service/jmx-connector", config, XPathConstants.NODE);
        jmx.setAttribute("address", "127.0.0.1");
        jmx.setAttribute("enabled", "false");
        Element grid = (Element) xpath.evaluate("/domain/hazelcast-runtime-configuration", domain, XPathConstants.NODE);
        grid.setAttribute("cluster-group-name", "soundwave-ear-it");
        grid.setAttribute("interface", "127.0.0.1");
        grid.setAttribute("das-bind-address", "127.0.0.1");
        grid.setAttribute("das-public-address", "127.0.0.1");
        grid.setAttribute("das-port", String.valueOf(HAZELCAST_PORT));
        grid.setAttribute("start-port", String.valueOf(HAZELCAST_PORT + 1));
        if (xpath.evaluate("jms-service", config, XPathConstants.NODE) == null) {
            Element jms = domain.createElement("jms-service");
            jms.setAttribute("type", "EMBEDDED");
            jms.setAttribute("default-jms-host", "default_JMS_host");
            jms.setAttribute("addresslist-behavior", "priority");
            Element host = domain.createElement("jms-host");
            host.setAttribute("name", "default_JMS_host");
            host.setAttribute("host", "127.0.0.1");
            host.setAttribute("port", "${JMS_PROVIDER_PORT}");
            jms.appendChild(host);
            config.appendChild(jms);
        } else {
            ((Element) xpath.evaluate("jms-service/jms-host", config, XPathConstants.NODE)).setAttribute("host", "127.0.0.1");
        }
        Element java = (Element) xpath.evaluate("java-config", config, XPathConstants.NODE);
        // C1 only, as the test cluster's nodes: it starts faster, and this test measures no speed.
        // No deploy-time check of resource references: Payara's validator looks java:app/jdbc/soundwave up
        // before it has registered the application's own @DataSourceDefinition in some deployments (one
        // run in four here; payara/Payara#2430, #3830 name this switch). The application checks its
        // database itself once started (readiness).
        for (String option : List.of("-Dhazelcast.socket.bind.any=false", "-Dhazelcast.phone.home.enabled=false",
                "-Djava.net.preferIPv4Stack=true", "-XX:TieredStopAtLevel=1", "-Ddeployment.resource.validation=false")) {
            Element jvmOption = domain.createElement("jvm-options");
            jvmOption.setTextContent(option);
            java.appendChild(jvmOption);
        }
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(domain), new StreamResult(domainXml.toFile()));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
