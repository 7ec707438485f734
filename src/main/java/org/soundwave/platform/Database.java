package org.soundwave.platform;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The one PostgreSQL datasource. URL, user and password come from MicroProfile Config, so the same WAR
 * runs on every node; environment variables ({@code SOUNDWAVE_DB_URL}, {@code SOUNDWAVE_DB_USER},
 * {@code SOUNDWAVE_DB_PASSWORD}) override the defaults in microprofile-config.properties. bin/cluster puts
 * {@code ApplicationName=soundwave-<node>} in each node's URL, so pg_stat_activity (and pg_locks through
 * it) tells which node holds a connection or a lock.
 * <p>
 * Built to notice PostgreSQL going away and coming back without a restart: a connection is checked with
 * {@code SELECT 1} when it is handed out (at most once every two seconds each), and one that fails makes
 * the pool drop them all, so a restarted server's dead connections are replaced at once; nobody waits more
 * than about two seconds for a pooled connection or a TCP connect (see DatabaseAvailability for what the
 * application does meanwhile). A login, once connected, may take up to ten: a node's first one, at
 * deployment, runs the driver's SCRAM exchange in a cold JVM, and with three nodes starting together on two
 * cores it took more than two seconds here, which failed the node's deployment ("Connection attempt timed out").
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=soundwave.db.url}",
        user = "${MPCONFIG=soundwave.db.user}",
        password = "${MPCONFIG=soundwave.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        loginTimeout = 10,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=2",
            "fish.payara.fail-all-connections=true",
            "fish.payara.max-wait-time-in-millis=2000",
            "connectTimeout=2",
            "socketTimeout=60"
        })
public final class Database {

    public static final String JNDI_NAME = "java:app/jdbc/soundwave";

    private Database() {
    }
}
