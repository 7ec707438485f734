package org.soundwave.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The same build wraps the WAR it packaged into an EAR, mounted at the root context. */
class EarPackagingIT {

    @Test
    void theEarHoldsTheBuiltWarAtTheRootContext() throws IOException {
        Path ear = Path.of(System.getProperty("soundwave.ear.file", "ear/target/soundwave.ear"));
        Path war = Path.of(System.getProperty("soundwave.project.dir", ".")).resolve("target/soundwave.war");
        assertTrue(Files.isRegularFile(ear), "no EAR at " + ear);
        try (ZipFile zip = new ZipFile(ear.toFile())) {
            ZipEntry descriptor = zip.getEntry("META-INF/application.xml");
            assertNotNull(descriptor, "application.xml");
            String xml = new String(zip.getInputStream(descriptor).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("<web-uri>soundwave.war</web-uri>"), xml);
            assertTrue(xml.contains("<context-root>/</context-root>"), xml);
            ZipEntry packaged = zip.getEntry("soundwave.war");
            assertNotNull(packaged, "soundwave.war inside the EAR");
            try (InputStream in = zip.getInputStream(packaged)) {
                assertArrayEquals(Files.readAllBytes(war), in.readAllBytes(), "the EAR carries this build's WAR");
            }
        }
    }
}
