package org.soundwave.platform.cache;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Stream;
import org.soundwave.platform.NodeIdentity;
import org.soundwave.platform.RestApplication;
import org.soundwave.platform.api.Problem;

/**
 * The cache levels for operators: settings (cluster-wide), this node's statistics, switching a level
 * off and on or changing its time to live (for before/after measurements), emptying levels.
 */
@Path("admin/caches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class CachesResource {

    /** Longest time to live the API accepts: a day. */
    static final int MAX_TTL_SECONDS = 86_400;

    @Inject
    Caches caches;

    @Inject
    NodeIdentity node;

    @GET
    public List<CacheView> levels() {
        return Stream.of(CacheLevel.values()).map(this::view).toList();
    }

    @PUT
    @Path("{level}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CacheView change(@PathParam("level") String id, CacheChange change) {
        Problem.requireBody(change);
        CacheLevel level = level(id);
        CacheSettings.Setting current = caches.settings().of(level);
        int ttl = change.getTtlSeconds() != null ? change.getTtlSeconds() : current.ttlSeconds();
        if (ttl < 1 || ttl > MAX_TTL_SECONDS) {
            throw Problem.invalid("ttlSeconds", "must be between 1 and " + MAX_TTL_SECONDS);
        }
        boolean enabled = change.getEnabled() != null ? change.getEnabled() : current.enabled();
        caches.settings().set(level, new CacheSettings.Setting(enabled, ttl));
        if (!enabled) {
            caches.level(level).clear();   // switched back on later, it starts empty rather than stale
        }
        return view(level);
    }

    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})   // 204, or a problem: either is acceptable
    @DELETE
    @Path("{level}/entries")
    public void clear(@PathParam("level") String id) {
        caches.level(level(id)).clear();
    }

    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})   // 204, or a problem: either is acceptable
    @DELETE
    @Path("entries")
    public void clearAll() {
        Stream.of(CacheLevel.values()).forEach(level -> caches.level(level).clear());
    }

    private static CacheLevel level(String id) {
        return CacheLevel.byId(id).orElseThrow(() -> new NotFoundException(Problem.of(Response.Status.NOT_FOUND, "not-found",
                "There is no cache level " + id + "; the levels are "
                        + Stream.of(CacheLevel.values()).map(CacheLevel::id).toList() + ".").toResponse()));
    }

    private CacheView view(CacheLevel level) {
        return CacheView.of(caches.level(level), node.name());
    }
}
