package org.soundwave.blog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.soundwave.platform.IdentifiedEntity;

/** A label on posts, e.g. "synth" or "mixing". Names are lower case and unique. */
@Entity
@Table(name = "tag")
@NamedQuery(name = "Tag.byName", query = "SELECT t FROM Tag t WHERE t.name = :name")
@NamedQuery(name = "Tag.byNames", query = "SELECT t FROM Tag t WHERE t.name IN :names")
/** Counts tag links only (an index-only scan of post_tag_tag_post_idx), never the posts themselves. */
@NamedNativeQuery(name = "Tag.withPostCounts",
        query = "SELECT t.name, count(pt.post_id) FROM tag t LEFT JOIN post_tag pt ON pt.tag_id = t.id"
                + " GROUP BY t.id, t.name ORDER BY t.name")
public class Tag extends IdentifiedEntity {

    /** Letters (any case on input, stored lower case), digits and inner dashes, at most 40. */
    public static final String NAME = "[A-Za-z0-9][A-Za-z0-9-]{0,39}";

    @Column(nullable = false, length = 40, unique = true)
    private String name;

    protected Tag() {
    }

    public String name() {
        return name;
    }
}
