package org.soundwave.blog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.soundwave.account.User;
import org.soundwave.platform.IdentifiedEntity;

/**
 * A member's article. Read through {@link PostRepository}'s projections (never by walking its lazy
 * associations, which would cost one statement per post); loaded as an entity only to be changed.
 */
@Entity
@Table(name = "post")
public class Post extends IdentifiedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false, updatable = false)
    private User author;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 20000)
    private String content;

    @Column(nullable = false, updatable = false)
    private OffsetDateTime created;

    @Column(nullable = false)
    private OffsetDateTime updated;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "post_tag",
            joinColumns = @JoinColumn(name = "post_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<Tag> tags = new HashSet<>();

    protected Post() {
    }

    Post(User author, String title, String content, Set<Tag> tags) {
        this.author = author;
        this.created = now();
        edit(title, content, tags);
        this.updated = created;
    }

    /** PostgreSQL keeps microseconds: truncate so the cursor built from this value matches the row. */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    final void edit(String title, String content, Set<Tag> tags) {
        this.title = title;
        this.content = content;
        this.tags = new HashSet<>(tags);
        this.updated = now();
    }

    public User author() {
        return author;
    }

    public String title() {
        return title;
    }

    public String content() {
        return content;
    }

    public OffsetDateTime created() {
        return created;
    }

    public OffsetDateTime updated() {
        return updated;
    }

    /** Ids of its tags (loads them: call inside a transaction). */
    java.util.Set<Long> tagIds() {
        return tags.stream().map(Tag::id).collect(java.util.stream.Collectors.toSet());
    }
}
