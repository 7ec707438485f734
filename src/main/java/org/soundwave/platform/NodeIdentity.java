package org.soundwave.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name of this cluster node, as operators, httpd routes and the {@code X-Served-By} header know it,
 * and the build it runs. bin/cluster starts each node with {@code -Dsoundwave.node.name=nodeN} (equal to
 * its jvmRoute); the build's version and time come from {@code META-INF/soundwave-build.properties},
 * which the build fills in, so a rolling deploy shows node by node which build serves.
 */
@Named
@ApplicationScoped
public class NodeIdentity {

    private static final String BUILD_PROPERTIES = "/META-INF/soundwave-build.properties";

    @Inject
    @ConfigProperty(name = "soundwave.node.name", defaultValue = "standalone")
    String name;

    private final String version = readVersion();

    public String name() {
        return name;
    }

    /** The build this node runs, e.g. "1.0.0-SNAPSHOT (built 2026-11-21T22:15:00Z)". */
    public String version() {
        return version;
    }

    private static String readVersion() {
        Properties build = new Properties();
        try (InputStream in = NodeIdentity.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILD_PROPERTIES, e);
        }
        String built = build.getProperty("built", "");
        return build.getProperty("version", "unknown") + (built.isBlank() ? "" : " (built " + built + ")");
    }
}
