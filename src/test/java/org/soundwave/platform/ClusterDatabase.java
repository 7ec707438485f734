package org.soundwave.platform;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives an Arquillian test class the shared test cluster's PostgreSQL: starts the cluster if needed and
 * publishes its JDBC URL and generated password as the system properties arquillian.xml reads. Register
 * it before {@code ArquillianExtension}, which reads arquillian.xml when the first such class starts.
 * Inside the container (where the test class runs again) it does nothing: the cluster is the caller's.
 */
public class ClusterDatabase implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (System.getProperty("soundwave.it.run.dir") == null) {
            return;
        }
        TestCluster cluster = TestCluster.get();
        System.setProperty("soundwave.it.jdbc.url", cluster.jdbcUrl());
        System.setProperty("soundwave.it.db.password", cluster.dbPassword());
    }
}
