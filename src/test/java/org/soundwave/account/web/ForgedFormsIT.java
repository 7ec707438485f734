package org.soundwave.account.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.soundwave.platform.PageVisitor;
import org.soundwave.platform.TestCluster;

/** A form sent with a view state that was never the page's (forged, truncated, made up) gets a readable 400 page, never a 500. */
class ForgedFormsIT {

    @ParameterizedTest
    @ValueSource(strings = {"-1:-1", "abc", "0:0"})
    void aSignInWithAViewStateThatIsNotThePagesIsA400Page(String viewState) {
        TestCluster cluster = TestCluster.get();
        HttpResponse<String> answer = new PageVisitor().post(cluster.url("/sign-in"), Map.of("signin", "signin",
                "signin:username", "nobody", "signin:password", "whatever1", "signin:submit", "Sign in",
                "jakarta.faces.ViewState", viewState));
        assertEquals(400, answer.statusCode(), "view state '" + viewState + "': " + answer.body());
        assertTrue(answer.body().contains("This page has expired"), "a page that says what happened: " + answer.body());
        assertFalse(answer.body().contains("Something went wrong"), answer.body());
    }
}
