package org.soundwave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A short run of loadtest/run against the test cluster: the scripts work end to end, the report has every
 * section and plot, steady-state runs have no failed or non-2xx requests, and the two active nodes each
 * served half of the anonymous traffic, ±10 %. Correctness only: speed is read from the report.
 */
class LoadTestSmokeIT {

    @Test
    void aSmokeRunProducesTheWholeReportWithNoFailuresAndEvenDistribution() throws Exception {
        TestCluster cluster = StandardDataset.cluster();
        Path output = Path.of("target/loadtest-smoke").toAbsolutePath();
        cluster.script("loadtest/run", "--smoke", "--keep-data", "--output", output.toString());

        String report = Files.readString(output.resolve("REPORT.md"));
        for (String section : List.of("## Machine and versions", "## Dataset", "## Surge", "## Hot pages", "## Distribution", "## Failover", "## PostgreSQL restart",
                "## Resources", "## Cache effect", "## Reading")) {
            assertTrue(report.contains(section), "the report has " + section);
        }
        for (String plot : List.of("surge-rps.png", "surge-p99.png", "distribution.png", "failover.png")) {
            assertTrue(Files.size(output.resolve(plot)) > 1000, plot + " drawn");
        }
        Map<String, Long> served = new TreeMap<>();
        int runs = 0;
        List<String> lines = Files.readAllLines(output.resolve("results.psv"));
        List<String> columns = List.of(lines.get(0).split("\\|", -1));
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split("\\|", -1);
            Function<String, String> f = column -> {
                assertTrue(columns.contains(column), "results.psv has a column " + column + ": " + columns);
                return values[columns.indexOf(column)];
            };
            String scenario = f.apply("scenario");
            if (scenario.startsWith("pages-") || scenario.startsWith("restart-")) {
                assertEquals("0", f.apply("failed"), "no failed requests: " + line);
                assertEquals("0", f.apply("non2xx"), "no non-2xx responses, the member's included: " + line);
                continue;
            }
            if (!scenario.equals("surge")) {
                continue;
            }
            runs++;
            assertEquals("0", f.apply("failed"), "no failed requests: " + line);
            assertEquals("0", f.apply("non2xx"), "no non-2xx responses: " + line);
            for (String pair : f.apply("served").split(" ")) {
                String[] kv = pair.split("=");
                served.merge(kv[0], Long.parseLong(kv[1]), Long::sum);
            }
        }
        assertEquals(20, runs, "2 concurrency steps × 5 pages × keep-alive or not");
        long total = served.values().stream().mapToLong(Long::longValue).sum();
        for (String node : TestCluster.ACTIVE) {
            double share = served.getOrDefault(node, 0L) / (double) total;
            assertTrue(share >= 0.45 && share <= 0.55, node + " served " + served + " (half ± 10 %)");
        }
        assertEquals(0L, served.getOrDefault(TestCluster.STANDBY, 0L), "the standby served nothing");
        assertTrue(report.contains("| list `/`"), "the list page was measured");
        assertTrue(report.contains("post-member"), "and a signed-in member's post page");
        assertTrue(report.contains("**A restarted node**") && report.contains("| visitor |"), "and a restarted node's first seconds");
        String restart = report.substring(report.indexOf("## PostgreSQL restart"), report.indexOf("## Resources"));
        String listRow = restart.lines().filter(l -> l.startsWith("| list")).findFirst()
                .orElseThrow(() -> new AssertionError("no list row in the PostgreSQL restart section:\n" + restart));
        assertEquals("0", listRow.split("\\|")[3].trim(), "no failed request on the cached page while PostgreSQL restarted: " + listRow);
        assertTrue(listRow.split("\\|")[5].trim().matches("\\d+×200"), "only 200s on the cached page: " + listRow);
        assertFalse(restart.contains("×500"), "never a 500 while PostgreSQL restarted:\n" + restart);
    }
}
