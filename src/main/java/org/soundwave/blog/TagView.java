package org.soundwave.blog;

/** A tag with the number of posts carrying it. */
public record TagView(String name, long posts) {
}
