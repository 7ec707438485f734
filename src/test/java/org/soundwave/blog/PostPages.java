package org.soundwave.blog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/** What a post page shows of its comments, read from its HTML, and what the database holds. */
public final class PostPages {

    private static final Pattern COMMENT_COUNT = Pattern.compile("id=\"comment-count\">(\\d+)<");
    private static final Pattern RECENT_BOX = Pattern.compile("<section class=\"recent-comments-box\".*?</section>", Pattern.DOTALL);

    private PostPages() {
    }

    /** The post's comment count as the page shows it. */
    public static long commentCount(HttpResponse<String> postPage) {
        Matcher m = COMMENT_COUNT.matcher(postPage.body());
        assertTrue(m.find(), "no comment count on the page");
        return Long.parseLong(m.group(1));
    }

    /** The page's recent-comments box, as HTML. */
    public static String recentComments(HttpResponse<String> postPage) {
        Matcher m = RECENT_BOX.matcher(postPage.body());
        assertTrue(m.find(), "no recent comments box on the page");
        return m.group();
    }

    public static long commentsInDatabase(TestCluster cluster, long post) {
        return StandardDataset.single(cluster, "SELECT count(*) FROM comment WHERE post_id = ?", post);
    }
}
