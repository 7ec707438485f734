package org.soundwave.platform.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ApacheBench running in the background against one URL until stopped (SIGINT, on which ab prints its
 * totals), for tests that change the cluster under load. -l: pages differ in length from node to node
 * (they name the node that rendered them), which is not a failure.
 */
final class ApacheBench {

    record Totals(long complete, long failed, long non2xx, String output) {
    }

    private final Process process;
    private final Path output;

    private ApacheBench(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** ab on a new connection per request (what a switch that drops connections is tested with). */
    static ApacheBench start(int concurrency, String url) {
        return start(concurrency, url, List.of());
    }

    /** ab with options of its own, e.g. -k (keep-alive). */
    static ApacheBench start(int concurrency, String url, List<String> options) {
        try {
            Path output = Files.createTempFile("ab-", ".txt");
            List<String> command = new ArrayList<>(List.of("ab", "-q", "-l", "-r", "-s", "60", "-c", String.valueOf(concurrency),
                    "-t", "3600", "-n", "100000000"));
            command.addAll(options);
            command.add(url);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            return new ApacheBench(process, output);
        } catch (IOException e) {
            throw new AssertionError("cannot start ab", e);
        }
    }

    Totals stop() {
        try {
            if (!process.isAlive()) {
                throw new AssertionError("ab ended early:\n" + Files.readString(output));
            }
            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("ab did not stop on SIGINT");
            }
            String text = Files.readString(output);
            Files.delete(output);
            return new Totals(number(text, "Complete requests"), number(text, "Failed requests"),
                    number(text, "Non-2xx responses"), text);
        } catch (IOException e) {
            throw new AssertionError("cannot read ab's output", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A total ab printed; ab leaves out "Non-2xx responses" when there were none. */
    private static long number(String text, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + ":\\s+(\\d+)").matcher(text);
        if (m.find()) {
            return Long.parseLong(m.group(1));
        }
        if (label.startsWith("Non-2xx")) {
            return 0;
        }
        throw new AssertionError("no '" + label + "' in ab's output:\n" + text);
    }
}
