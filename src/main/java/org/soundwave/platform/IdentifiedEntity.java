package org.soundwave.platform;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What the domain entities (members, posts, comments, tags, categories, products) share: a {@code bigint}
 * key their table's identity column generates on
 * insert (so the key is known only after the insert is flushed).
 */
@MappedSuperclass
public abstract class IdentifiedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The key; null until the entity has been inserted. */
    public Long id() {
        return id;
    }
}
