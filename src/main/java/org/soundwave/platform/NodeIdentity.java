package org.soundwave.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name of this cluster node, as operators, httpd routes and the {@code X-Served-By} header know it.
 * bin/cluster starts each node with {@code -Dsoundwave.node.name=nodeN} (equal to its jvmRoute).
 */
@Named
@ApplicationScoped
public class NodeIdentity {

    @Inject
    @ConfigProperty(name = "soundwave.node.name", defaultValue = "standalone")
    String name;

    public String name() {
        return name;
    }
}
