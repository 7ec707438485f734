package org.soundwave.blog;

import org.soundwave.platform.validation.RequiredText;

/** What a member sends to comment on a post. */
public class CommentForm {

    public static final int MAX_LENGTH = 2000;

    @RequiredText(max = MAX_LENGTH)
    private String content;

    public CommentForm() {
    }

    public CommentForm(String content) {
        this.content = content;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }
}
