package org.soundwave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/lib/SessionCompatibility.java, the check bin/cluster deploy runs before a roll, on WARs built here
 * from two versions of the same classes.
 */
class SessionCompatibilityTest {

    private static final Path CHECK = Path.of(System.getProperty("soundwave.project.dir", ".")).resolve("bin/lib/SessionCompatibility.java");

    @TempDir
    Path dir;

    @Test
    void theSameClassesAreCompatible() throws Exception {
        Path old = war("old", Map.of("Cart", cart("1L", "int count;")));
        Path same = war("same", Map.of("Cart", cart("1L", "int count;")));
        assertEquals(0, check(old, same).exit());
    }

    @Test
    void fieldsAddedOrRemovedUnderTheSameUidAreCompatible() throws Exception {
        Path old = war("old", Map.of("Cart", cart("1L", "int count; String note;")));
        Path added = war("new", Map.of("Cart", cart("1L", "int count; long total;")));
        Outcome outcome = check(old, added);
        assertEquals(0, outcome.exit(), outcome.output());
    }

    @Test
    void aChangedUidAFieldOfAnotherTypeAndARemovedClassAreEachReported() throws Exception {
        Path old = war("old", Map.of("Cart", cart("1L", "int count;"), "Basket", cart("5L", "int items;").replace("Cart", "Basket"),
                "Wish", cart("2L", "int count;").replace("Cart", "Wish")));
        Path changed = war("new", Map.of("Cart", cart("1L", "long count;"), "Basket", cart("6L", "int items;").replace("Cart", "Basket")));

        Outcome outcome = check(old, changed);

        assertEquals(1, outcome.exit(), outcome.output());
        assertTrue(outcome.output().contains("uid         shop/Basket: serialVersionUID 5 -> 6"), outcome.output());
        assertTrue(outcome.output().contains("field-type  shop/Cart.count: I -> J"), outcome.output());
        assertTrue(outcome.output().contains("removed     shop/Wish"), outcome.output());
    }

    @Test
    void aChangedClassWithoutAnExplicitUidIsReported() throws Exception {
        Path old = war("old", Map.of("Cart", "package shop; public class Cart implements java.io.Serializable { int count; }"));
        Path changed = war("new", Map.of("Cart", "package shop; public class Cart implements java.io.Serializable { int count; int more; }"));
        Outcome outcome = check(old, changed);
        assertEquals(1, outcome.exit(), outcome.output());
        assertTrue(outcome.output().contains("no-uid      shop/Cart"), outcome.output());
    }

    @Test
    void everySerializableClassOfThisBuildDeclaresItsUid() throws Exception {
        Path classes = Path.of(System.getProperty("soundwave.project.dir", ".")).resolve("target/classes");
        Outcome outcome = run("--missing-uids", classes.toString());
        assertEquals(0, outcome.exit(), "serializable classes without serialVersionUID:\n" + outcome.output());
    }

    private static String cart(String uid, String fields) {
        return "package shop; public class Cart implements java.io.Serializable { private static final long serialVersionUID = "
                + uid + "; " + fields + " }";
    }

    private record Outcome(int exit, String output) {
    }

    private Outcome check(Path old, Path now) throws Exception {
        return run(old.toString(), now.toString());
    }

    private static Outcome run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                CHECK.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the check did not finish");
        return new Outcome(process.exitValue(), output);
    }

    /** Compiles the sources (class name → source of package shop) into a WAR's WEB-INF/classes. */
    private Path war(String name, Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve(name + "-src/shop"));
        Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Files.writeString(src.resolve(source.getKey() + ".java"), source.getValue());
        }
        List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString()));
        try (Stream<Path> files = Files.list(src)) {
            files.map(Path::toString).forEach(args::add);
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)), "javac");
        Path war = dir.resolve(name + ".war");
        try (OutputStream out = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + classes.relativize(file)));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return war;
    }
}
