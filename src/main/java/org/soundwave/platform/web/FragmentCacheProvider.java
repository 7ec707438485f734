package org.soundwave.platform.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import java.io.Serial;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.omnifaces.util.cache.Cache;
import org.omnifaces.util.cache.CacheProvider;
import org.omnifaces.util.cache.DefaultCacheProvider;
import org.soundwave.platform.cache.CacheLevel;
import org.soundwave.platform.cache.Caches;
import org.soundwave.platform.cache.SharedCache;

/**
 * OmniFaces' {@code <o:cache scope="application">} kept in the data grid (the fragment cache level), so
 * every node shares one rendering of a fragment and an invalidation on one node reaches all. Keys are
 * the o:cache {@code key} attributes as written (e.g. {@code recent-comments:42}), so the code that changes
 * the data can remove them. The fragment level's time to live applies (o:cache's {@code time} is not
 * used). A miss reserves the key (see {@link SharedCache#reserve}) and o:cache's put, in the same thread
 * right after rendering, fills that reservation: a rendering of data read before a comment committed is
 * not stored after that comment's invalidation. Session scope stays OmniFaces' own. Installed by the
 * context parameter
 * {@code org.omnifaces.CACHE_PROVIDER} in web.xml.
 */
public class FragmentCacheProvider implements CacheProvider {

    public static final String APPLICATION = "application";

    private final DefaultCacheProvider sessionScope = new DefaultCacheProvider();
    private final GridCache applicationScope = new GridCache();

    @Override
    public Cache getCache(FacesContext context, String scope) {
        return APPLICATION.equals(scope) ? applicationScope : sessionScope.getCache(context, scope);
    }

    @Override
    public void setParameters(Map<String, String> parameters) {
        sessionScope.setParameters(parameters);
    }

    /** The OmniFaces cache interface over the fragment level. */
    static final class GridCache implements Cache {

        @Serial
        private static final long serialVersionUID = 1L;

        private static final String ATTRIBUTE = "|attribute|";

        /** A key this thread found missing and reserved, in the request (FacesContext) that will render it. */
        private record Reservation(SharedCache.Lease lease, FacesContext request) {
        }

        /** Keys this thread found missing and reserved, until it puts their rendering. */
        private static final ThreadLocal<Map<String, Reservation>> RESERVED = ThreadLocal.withInitial(HashMap::new);

        /**
         * The fragment level, looked up once: {@code CDI.current()} finds its bean manager by walking the
         * caller's stack, which cost a quarter of a member's post page rendering when done on every get.
         */
        private transient volatile SharedCache fragments;

        private SharedCache fragments() {
            SharedCache level = fragments;
            if (level == null) {
                level = CDI.current().select(Caches.class).get().level(CacheLevel.FRAGMENT);
                fragments = level;
            }
            return level;
        }

        /** o:cache may ask more than once per request (visiting, then rendering): one reservation serves both. */
        @Override
        public String get(String key) {
            SharedCache fragments = fragments();
            if (!fragments.enabled()) {
                return null;
            }
            Optional<String> found = fragments.peek(key, String.class);
            Reservation held = RESERVED.get().remove(key);
            FacesContext request = FacesContext.getCurrentInstance();
            if (found.isPresent()) {
                return found.get();
            }
            if (held != null && held.request() == request) {
                RESERVED.get().put(key, held);
                return null;
            }
            Optional<SharedCache.Lease> lease = fragments.reserve(key);
            if (lease.isPresent()) {
                RESERVED.get().put(key, new Reservation(lease.get(), request));
                return null;
            }
            // Someone else is rendering it: wait briefly for their rendering rather than query and render again.
            return fragments.awaitValue(key, String.class).orElse(null);
        }

        @Override
        public Serializable getObject(String key) {
            return fragments().peek(key, Serializable.class).orElse(null);
        }

        @Override
        public void put(String key, String value) {
            putObject(key, value, -1);
        }

        @Override
        public void put(String key, String value, int timeToLive) {
            putObject(key, value, timeToLive);
        }

        /** Stores only what this thread reserved: someone else's computation or an invalidation wins. */
        @Override
        public void putObject(String key, Serializable value, int timeToLive) {
            Reservation reservation = RESERVED.get().remove(key);
            if (reservation != null) {
                fragments().fill(key, reservation.lease(), value);
            }
        }

        @Override
        public Serializable getAttribute(String key, String name) {
            return getObject(key + ATTRIBUTE + name);
        }

        @Override
        public void putAttribute(String key, String name, Serializable value, int timeToLive) {
            throw new UnsupportedOperationException("o:cacheValue is not used with the shared fragment cache");
        }

        @Override
        public void remove(String key) {
            fragments().invalidate(key);
        }

        @Override
        public void clear() {
            fragments().clear();
        }
    }
}
