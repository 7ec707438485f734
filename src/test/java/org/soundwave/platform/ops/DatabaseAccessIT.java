package org.soundwave.platform.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.TestCluster;

/**
 * PostgreSQL admits no one without a password, local connections included: its directory and its
 * socket's are private (0700), the superuser needs its password even on the socket, and the application's
 * role is not a superuser.
 */
class DatabaseAccessIT {

    private static TestCluster cluster;
    private static Path postgres;

    @BeforeAll
    static void start() {
        cluster = TestCluster.get();
        postgres = cluster.runDir().resolve("postgres");
    }

    /** psql as PostgreSQL's superuser on the socket, never prompting for a password, run as a local user ("root": as is). */
    private static String[] psqlAsSuperuser(String localUser) throws Exception {
        List<String> command = new ArrayList<>();
        if (!localUser.equals("root")) {
            command.addAll(List.of("runuser", "-u", localUser, "--"));
        }
        command.addAll(List.of("env", "-u", "PGPASSWORD", "-u", "PGPASSFILE", "psql", "-X", "-w", "-tA",
                "-h", postgres.resolve("socket").toString(), "-p", String.valueOf(cluster.pgPort()), "-U", "postgres", "-d", "postgres",
                "-c", "SELECT 'in as ' || current_user"));
        Process psql = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(psql.waitFor(30, TimeUnit.SECONDS), "psql ended");
        return new String[] {String.valueOf(psql.exitValue()), output};
    }

    @Test
    void postgresDirectoryAndSocketArePrivate() throws Exception {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(postgres)), postgres.toString());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(postgres.resolve("socket"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(postgres.resolve("data"))));
    }

    @Test
    void theSuperuserNeedsItsPasswordOnTheSocketToo() throws Exception {
        String[] root = psqlAsSuperuser("root");
        assertNotEquals("0", root[0], "root without the password: " + root[1]);
        assertFalse(root[1].contains("in as postgres"), root[1]);
        assertTrue(root[1].contains("password"), "refused for want of a password: " + root[1]);

        String[] other = psqlAsSuperuser("nobody");
        assertNotEquals("0", other[0], "another local user: " + other[1]);
        assertFalse(other[1].contains("in as postgres"), other[1]);
    }

    @Test
    void theApplicationsRoleIsNoSuperuser() throws Exception {
        try (Connection db = DriverManager.getConnection(cluster.jdbcUrl(), "soundwave", cluster.dbPassword());
             ResultSet role = db.createStatement().executeQuery("SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user")) {
            assertTrue(role.next());
            assertFalse(role.getBoolean(1), "superuser");
            assertFalse(role.getBoolean(2), "may create roles");
            assertFalse(role.getBoolean(3), "may create databases");
        }
    }
}
