package org.soundwave.account.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.PageVisitor;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/**
 * A signed-in member's page views write nothing into the replicated session (no Faces view state, no
 * attribute set: the node's {@code soundwave_session_writes_total} stays put), and the forms of these
 * stateless pages are still protected: a post without the session's form token is refused and changes
 * nothing; the sign-out form too.
 */
class MemberPageViewsIT {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern STATEFUL_VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"(?!stateless\")");

    private static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = StandardDataset.cluster();
    }

    /** A new member signed in through node1's own sign-in page: its session lives on node1. */
    private static PageVisitor memberOnNode1() {
        String name = "mv" + UUID.randomUUID().toString().substring(0, 8);
        Http.newMember(cluster, name);
        PageVisitor member = new PageVisitor();
        member.signIn(cluster.nodeUrl("node1", ""), name, "correct horse");
        return member;
    }

    /** Session attributes node1 has set or removed, and sessions it created, so far. */
    private static double sessionWrites() {
        String metrics = cluster.get(cluster.nodeUrl("node1", "/metrics")).body();
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^soundwave_(session_writes_total|sessions_created_total)\\{[^}]*\\} (\\S+)$").matcher(metrics);
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }

    @Test
    void aMembersPageViewsWriteNothingIntoTheSession() {
        PageVisitor member = memberOnNode1();
        long product = StandardDataset.single(cluster, "SELECT min(id) FROM product WHERE active AND stock > 0");
        String tag = StandardDataset.texts(cluster, "SELECT name FROM tag ORDER BY id LIMIT 1").get(0);
        List<String> pages = List.of("/", "/posts", "/posts?page=3", "/posts/7", "/posts/7?page=1", "/tags/" + tag,
                "/authors/user0001", "/shop", "/shop/synthesizers", "/products/" + product, "/cart", "/orders");
        member.get(cluster.nodeUrl("node1", "/posts/7"));   // anything the first view after sign-in might do
        double before = sessionWrites();
        for (int round = 0; round < 3; round++) {
            for (String page : pages) {
                HttpResponse<String> view = member.get(cluster.nodeUrl("node1", page));
                assertEquals(200, view.statusCode(), page);
                assertTrue(view.body().contains("Signed in as"), page + " is the member's own page");
                assertFalse(STATEFUL_VIEW_STATE.matcher(view.body()).find(), page + " holds no server-side view state");
            }
        }
        assertEquals(before, sessionWrites(), 0.0, "36 page views set no session attribute and created no session on node1");
    }

    @Test
    void aCommentFormWithoutTheSessionsTokenIsRefusedAndWithItAccepted() {
        PageVisitor member = memberOnNode1();
        long post = 9;
        String page = member.get(cluster.nodeUrl("node1", "/posts/" + post)).body();
        Matcher token = TOKEN.matcher(page);
        assertTrue(token.find(), "the comment form carries the session's token");
        long comments = StandardDataset.single(cluster, "SELECT count(*) FROM comment WHERE post_id = ?", post);

        String forged = "Forged " + UUID.randomUUID();
        HttpResponse<String> refused = member.post(cluster.nodeUrl("node1", "/posts/" + post), Map.of("comment-form", "comment-form",
                "comment-form:content", forged, "comment-form:submit", "Comment", "jakarta.faces.ViewState", "stateless"));
        assertEquals(400, refused.statusCode(), "a post without the token (as another site would send it)");
        assertTrue(refused.body().contains("This form has expired or was not sent from this site"), refused.body());
        HttpResponse<String> wrong = member.post(cluster.nodeUrl("node1", "/posts/" + post), Map.of("comment-form", "comment-form",
                "comment-form:content", forged, "comment-form:submit", "Comment", "jakarta.faces.ViewState", "stateless",
                "_csrf", "not-the-token"));
        assertEquals(400, wrong.statusCode(), "a post with another token");
        assertEquals(comments, StandardDataset.single(cluster, "SELECT count(*) FROM comment WHERE post_id = ?", post), "nothing saved");

        String real = "With the token " + UUID.randomUUID();
        HttpResponse<String> accepted = member.post(cluster.nodeUrl("node1", "/posts/" + post), Map.of("comment-form", "comment-form",
                "comment-form:content", real, "comment-form:submit", "Comment", "jakarta.faces.ViewState", "stateless",
                "_csrf", token.group(1)));
        assertEquals(302, accepted.statusCode(), accepted.body());
        assertTrue(member.get(cluster.nodeUrl("node1", "/posts/" + post)).body().contains(real));
    }

    @Test
    void signingOutNeedsTheSessionsTokenAndEndsTheSession() {
        PageVisitor member = memberOnNode1();
        String page = member.get(cluster.nodeUrl("node1", "/posts")).body();
        Matcher token = TOKEN.matcher(page);
        assertTrue(token.find(), "the sign-out form carries the session's token");

        assertEquals(403, member.post(cluster.nodeUrl("node1", "/sign-out"), Map.of()).statusCode(), "no token");
        assertEquals(403, member.post(cluster.nodeUrl("node1", "/sign-out"), Map.of("_csrf", "guess")).statusCode(), "wrong token");
        assertTrue(member.get(cluster.nodeUrl("node1", "/posts")).body().contains("Signed in as"), "still signed in");

        HttpResponse<String> out = member.post(cluster.nodeUrl("node1", "/sign-out"), Map.of("_csrf", token.group(1)));
        assertEquals(302, out.statusCode());
        HttpResponse<String> after = member.get(cluster.nodeUrl("node1", "/posts"));
        assertFalse(after.body().contains("Signed in as"), "signed out");
        assertEquals(302, member.get(cluster.nodeUrl("node1", "/profile")).statusCode(), "members' pages send to sign-in again");
    }
}
