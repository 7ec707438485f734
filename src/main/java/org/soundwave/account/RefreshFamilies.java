package org.soundwave.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh-token rotation with reuse detection (table refresh_family): each sign-in starts a family whose
 * current token is the only one a refresh accepts; the refresh names the family's next token. Any other
 * token of the family is a replay, and revokes the family: whoever holds its latest token (the thief, or
 * the client) must sign in again.
 */
@ApplicationScoped
public class RefreshFamilies {

    /** A family and the token id its next refresh token carries. */
    record Link(UUID family, UUID jti) {
    }

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    /** Starts a family for a sign-in; its first refresh token expires with the family. Drops the account's expired ones. */
    @Transactional
    Link start(long userId, Instant expires) {
        em.createNativeQuery("DELETE FROM refresh_family WHERE user_id = ? AND expires < now()")
                .setParameter(1, userId)
                .executeUpdate();
        Link link = new Link(UUID.randomUUID(), UUID.randomUUID());
        em.createNativeQuery("INSERT INTO refresh_family (id, user_id, current_jti, expires) VALUES (?, ?, ?, ?)")
                .setParameter(1, link.family())
                .setParameter(2, userId)
                .setParameter(3, link.jti())
                .setParameter(4, OffsetDateTime.ofInstant(expires, ZoneOffset.UTC))
                .executeUpdate();
        return link;
    }

    /**
     * The family's next link if {@code jti} is its current token; otherwise empty, and a family that exists
     * is revoked (committed: the caller answers 401 after this returns).
     */
    @Transactional
    Optional<Link> rotate(UUID family, long userId, UUID jti) {
        List<?> rows = em.createNativeQuery("SELECT current_jti, revoked FROM refresh_family WHERE id = ? AND user_id = ? AND expires > now() FOR UPDATE")
                .setParameter(1, family)
                .setParameter(2, userId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        if (Boolean.TRUE.equals(row[1])) {
            return Optional.empty();
        }
        if (!jti.equals(row[0])) {
            em.createNativeQuery("UPDATE refresh_family SET revoked = true WHERE id = ?").setParameter(1, family).executeUpdate();
            return Optional.empty();
        }
        Link next = new Link(family, UUID.randomUUID());
        em.createNativeQuery("UPDATE refresh_family SET current_jti = ? WHERE id = ?")
                .setParameter(1, next.jti())
                .setParameter(2, family)
                .executeUpdate();
        return Optional.of(next);
    }
}
