package org.soundwave.platform;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The one PostgreSQL datasource. URL, user and password come from MicroProfile Config, so the same WAR
 * runs on every node; environment variables ({@code SOUNDWAVE_DB_URL}, {@code SOUNDWAVE_DB_USER},
 * {@code SOUNDWAVE_DB_PASSWORD}) override the defaults in microprofile-config.properties. bin/cluster puts
 * {@code ApplicationName=soundwave-<node>} in each node's URL, so pg_stat_activity (and pg_locks through
 * it) tells which node holds a connection or a lock.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=soundwave.db.url}",
        user = "${MPCONFIG=soundwave.db.user}",
        password = "${MPCONFIG=soundwave.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        loginTimeout = 5,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true",
            "connectTimeout=5",
            "socketTimeout=60"
        })
public final class Database {

    public static final String JNDI_NAME = "java:app/jdbc/soundwave";

    private Database() {
    }
}
