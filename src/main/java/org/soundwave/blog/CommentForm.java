package org.soundwave.blog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.soundwave.account.Registration;

/** What a member sends to comment on a post. */
public class CommentForm {

    public static final int MAX_LENGTH = 2000;

    @NotBlank(message = "is required")
    @Size(max = MAX_LENGTH, message = "must be at most " + MAX_LENGTH + " characters")
    @Pattern(regexp = Registration.NO_NUL, message = "must not contain NUL characters")
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
