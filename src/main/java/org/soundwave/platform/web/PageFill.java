package org.soundwave.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fills the page cache for members: when a member asks for a page whose template is not in the cache, the
 * member's own page is rendered as before, and this node asks itself for the page as an anonymous visitor
 * (no cookie, no credentials) over its own HTTP listener, in the background. That request renders and
 * stores the page with its template ({@link PageTemplate}), so the member's next requests are filled from
 * it. The template is rendered by a request that has no member, so it cannot hold anyone's data.
 * <p>At most one such request per page at a time on a node. The node's own URL is {@code
 * soundwave.warmup.url}, which bin/cluster sets (the warm-up pass uses it too); without it, members' pages
 * are rendered every time.
 */
@ApplicationScoped
public class PageFill {

    private static final Logger LOG = Logger.getLogger(PageFill.class.getName());

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    @ConfigProperty(name = "soundwave.warmup.url")
    Optional<String> ownUrl;

    /** Asks this node for the page under the cache key (its path and query) as a visitor, unless it is already asking. */
    public void request(String key) {
        String base = ownUrl.orElse("");
        if (base.isBlank() || !inFlight.add(key)) {
            return;
        }
        HttpRequest visit;
        try {
            visit = HttpRequest.newBuilder(URI.create(base + key)).timeout(Duration.ofSeconds(30)).GET().build();
        } catch (IllegalArgumentException notAUri) {   // a path the container took that java.net.URI does not
            inFlight.remove(key);
            return;
        }
        client.sendAsync(visit, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    inFlight.remove(key);
                    if (failure != null) {
                        LOG.log(Level.FINE, "Filling the page cache with " + key + " failed", failure);
                    }
                });
    }
}
