package org.soundwave.blog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Tags by name and with their post counts. */
@ApplicationScoped
public class TagRepository {

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    public Optional<Tag> byName(String name) {
        return em.createNamedQuery("Tag.byName", Tag.class)
                .setParameter("name", name.toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    /** Every tag, by name, with how many posts carry it. */
    @SuppressWarnings("unchecked")
    public List<TagView> withPostCounts() {
        List<Object[]> rows = em.createNamedQuery("Tag.withPostCounts").getResultList();
        return rows.stream().map(row -> new TagView((String) row[0], ((Number) row[1]).longValue())).toList();
    }
}
