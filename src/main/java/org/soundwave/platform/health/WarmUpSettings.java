package org.soundwave.platform.health;

import org.eclipse.microprofile.config.Config;

/**
 * How a node warms up, from {@code soundwave.warmup.*} (bin/cluster sets them from SOUNDWAVE_WARMUP_*):
 * its own URL, how many requests at most, within how many seconds, how many at once, and one request in
 * {@code renderEvery} rendered past the page cache.
 */
record WarmUpSettings(String url, int requests, int maxSeconds, int concurrency, int renderEvery) {

    static WarmUpSettings from(Config config) {
        return new WarmUpSettings(
                config.getOptionalValue("soundwave.warmup.url", String.class).orElse(""),
                config.getOptionalValue("soundwave.warmup.requests", Integer.class).orElse(20000),
                config.getOptionalValue("soundwave.warmup.max-seconds", Integer.class).orElse(60),
                config.getOptionalValue("soundwave.warmup.concurrency", Integer.class).orElse(4),
                config.getOptionalValue("soundwave.warmup.render-every", Integer.class).orElse(4));
    }

    /** Without a URL (a node not started by bin/cluster) or with no requests to make, there is no pass. */
    boolean enabled() {
        return !url.isBlank() && requests > 0;
    }
}
