package org.soundwave.market.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Product and category images, kept in PostgreSQL so every node serves every image. An image never
 * changes (a new upload is a new id), so /images/{id} may be cached by anyone for a year.
 */
@ApplicationScoped
public class ImageStore {

    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** What an upload's first bytes must be, per content type (the type is taken from them, not from the client). */
    private record Signature(String contentType, int offset, byte[] magic) {
    }

    private static final List<Signature> SIGNATURES = List.of(
            new Signature("image/png", 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
            new Signature("image/jpeg", 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
            new Signature("image/gif", 0, new byte[] {'G', 'I', 'F', '8'}),
            new Signature("image/webp", 8, new byte[] {'W', 'E', 'B', 'P'}));

    /** An image's bytes and type. */
    public record Image(String contentType, byte[] bytes) {
    }

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    /** The content type these bytes really are, if they are a PNG, JPEG, GIF or WebP image. */
    public static Optional<String> contentType(byte[] bytes) {
        return SIGNATURES.stream()
                .filter(s -> bytes.length >= s.offset() + s.magic().length
                        && Arrays.equals(bytes, s.offset(), s.offset() + s.magic().length, s.magic(), 0, s.magic().length)
                        && (s.offset() == 0 || (bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F')))
                .map(Signature::contentType)
                .findFirst();
    }

    /** Stores a checked image (see {@link #contentType}); returns its id. */
    @Transactional
    public long store(String contentType, byte[] bytes) {
        Object id = em.createNativeQuery("INSERT INTO image (content_type, bytes) VALUES (?1, ?2) RETURNING id")
                .setParameter(1, contentType).setParameter(2, bytes).getSingleResult();
        return ((Number) id).longValue();
    }

    public Optional<Image> find(long id) {
        List<?> rows = em.createNativeQuery("SELECT content_type, bytes FROM image WHERE id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new Image((String) ((Object[]) r)[0], (byte[]) ((Object[]) r)[1]));
    }

    public boolean exists(long id) {
        return !em.createNativeQuery("SELECT 1 FROM image WHERE id = ?1").setParameter(1, id).getResultList().isEmpty();
    }

    /** The URL of an image id from a row (null stays null). */
    static String url(Object imageId) {
        return imageId == null ? null : "/images/" + ((Number) imageId).longValue();
    }
}
