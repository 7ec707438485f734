package org.soundwave.blog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.soundwave.account.User;
import org.soundwave.platform.IdentifiedEntity;

/** A member's reply to a post. */
@Entity
@Table(name = "comment")
public class Comment extends IdentifiedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id", nullable = false, updatable = false)
    private Post post;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false, updatable = false)
    private User author;

    @Column(nullable = false, length = 2000)
    private String content;

    @Column(nullable = false, updatable = false)
    private OffsetDateTime created;

    protected Comment() {
    }

    Comment(Post post, User author, String content) {
        this.post = post;
        this.author = author;
        this.content = content;
        this.created = Post.now();
    }

    public Post post() {
        return post;
    }

    public User author() {
        return author;
    }

    public String content() {
        return content;
    }

    public OffsetDateTime created() {
        return created;
    }
}
