package org.soundwave.blog;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.soundwave.platform.validation.RequiredText;

/**
 * What an author sends to publish or revise a post. A class, not a record: Payara's OpenAPI scanner
 * fails on constraints that a record also puts on its constructor's parameters.
 */
public class PostForm {

    public static final int MAX_TAGS = 8;

    @RequiredText(max = 200)
    private String title;

    @RequiredText(max = 20000)
    private String content;

    @Size(max = MAX_TAGS, message = "must be at most " + MAX_TAGS + " tags")
    private List<@NotNull(message = "must not be null") @Pattern(regexp = Tag.NAME,
            message = "must be 1-40 letters, digits or dashes, starting with a letter or digit") String> tags = new ArrayList<>();

    public PostForm() {
    }

    public PostForm(String title, String content, List<String> tags) {
        this.title = title;
        this.content = content;
        this.tags = new ArrayList<>(tags);
    }

    public static PostForm of(PostView post) {
        return new PostForm(post.title(), post.content(), post.tags());
    }

    /** The tags lower-cased, without repeats, in the order given. */
    public List<String> normalizedTags() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        if (tags != null) {
            tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).forEach(names::add);
        }
        return List.copyOf(names);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags == null ? new ArrayList<>() : tags;
    }
}
