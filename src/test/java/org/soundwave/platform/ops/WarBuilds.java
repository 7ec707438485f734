package org.soundwave.platform.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** New builds of this build's WAR for deploy tests: another version string, a broken one, one missing a class. */
final class WarBuilds {

    static final Path WAR = Path.of(System.getProperty("soundwave.war.file", "target/soundwave.war"));
    static final String BUILD_PROPERTIES = "WEB-INF/classes/META-INF/soundwave-build.properties";

    private WarBuilds() {
    }

    /** The same application, built as another version: what its pages and readiness show. */
    static Path withVersion(String version) {
        return copy("version-" + version, Map.of(BUILD_PROPERTIES, "version=" + version + "\nbuilt=\n"), Set.of());
    }

    /** A WAR whose deployment descriptor is not XML: Payara cannot deploy it. */
    static Path thatFailsToStart() {
        return copy("broken", Map.of("WEB-INF/web.xml", "<web-app broken"), Set.of());
    }

    /** A WAR without one of the classes the running build may hold in sessions. */
    static Path without(String classEntry) {
        return copy("without-class", Map.of(), Set.of(classEntry));
    }

    private static Path copy(String name, Map<String, String> replaced, Set<String> removed) {
        try {
            Path out = Files.createTempDirectory("soundwave-build-").resolve("soundwave-" + name + ".war");
            try (ZipFile in = new ZipFile(WAR.toFile()); OutputStream file = Files.newOutputStream(out);
                 ZipOutputStream zip = new ZipOutputStream(file)) {
                for (ZipEntry entry : Collections.list(in.entries())) {
                    if (removed.contains(entry.getName())) {
                        continue;
                    }
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    String replacement = replaced.get(entry.getName());
                    if (replacement != null) {
                        zip.write(replacement.getBytes(StandardCharsets.UTF_8));
                    } else {
                        try (InputStream content = in.getInputStream(entry)) {
                            content.transferTo(zip);
                        }
                    }
                    zip.closeEntry();
                }
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot build a WAR from " + WAR, e);
        }
    }
}
