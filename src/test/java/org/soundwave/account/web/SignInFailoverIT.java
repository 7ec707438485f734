package org.soundwave.account.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.TestCluster.servedBy;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.PageVisitor;
import org.soundwave.platform.TestCluster;

/** Signing in on the page survives kill -9 of the node that holds the session. */
class SignInFailoverIT {

    private final TestCluster cluster = TestCluster.get();
    private final PageVisitor visitor = new PageVisitor();

    @AfterEach
    void heal() {
        cluster.up();
    }

    @Test
    void aSignedInMemberStaysSignedInWhenTheirNodeDies() throws Exception {
        String name = "fo" + UUID.randomUUID().toString().substring(0, 8);
        Http.register(cluster, name, "correct horse");

        visitor.signIn(cluster.url(""), name, "correct horse");

        HttpResponse<String> profile = visitor.get(cluster.url("/profile"));
        assertEquals(200, profile.statusCode());
        assertTrue(profile.body().contains("<h1>" + name), "profile of " + name);
        String home = servedBy(profile);

        cluster.kill(home);

        HttpResponse<String> after = visitor.get(cluster.url("/profile"));
        assertEquals(200, after.statusCode(), "still signed in, not redirected to sign in");
        assertNotEquals(home, servedBy(after));
        assertTrue(after.body().contains("<h1>" + name), "still " + name);
    }
}
