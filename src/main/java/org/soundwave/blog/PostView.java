package org.soundwave.blog;

import java.io.Serial;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A post with what its readers see around it: author, tags, how many comments and the latest three.
 * Lists carry the content too (pages shorten it): one shape for the list and the single post.
 */
public record PostView(long id, String title, String content, String author, OffsetDateTime created,
                       OffsetDateTime updated, List<String> tags, long commentCount,
                       List<CommentView> recentComments) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** How many of the latest comments a post carries. */
    public static final int RECENT_COMMENTS = 3;

    /** The content cut at a word boundary for lists. */
    public String excerpt() {
        if (content.length() <= 280) {
            return content;
        }
        int cut = content.lastIndexOf(' ', 280);
        return content.substring(0, cut > 200 ? cut : 280) + "…";
    }
}
