package org.soundwave.platform.health;

import org.eclipse.microprofile.config.Config;

/**
 * How a node warms up, from {@code soundwave.warmup.*} (bin/cluster sets them from SOUNDWAVE_WARMUP_*):
 * its own URL, how many requests, within how many seconds at most, how many at once, one request in
 * {@code renderEvery} rendered past the page cache, and when the JIT counts as settled afterwards: its
 * compilers busy less than {@code settlePerMille} thousandths of a core over {@code settleWindowMillis}
 * (0 per mille, the default: no settling). The defaults are a short pass: what a node's first real requests
 * would otherwise pay for once (class loading, the first renderings of each view, the first queries), while
 * the JIT's hot paths are compiled under real traffic during the balancer's slow start (bin/cluster).
 */
record WarmUpSettings(String url, int requests, int maxSeconds, int concurrency, int renderEvery,
        int settlePerMille, int settleWindowMillis) {

    static WarmUpSettings from(Config config) {
        return new WarmUpSettings(
                config.getOptionalValue("soundwave.warmup.url", String.class).orElse(""),
                config.getOptionalValue("soundwave.warmup.requests", Integer.class).orElse(1000),
                config.getOptionalValue("soundwave.warmup.max-seconds", Integer.class).orElse(60),
                config.getOptionalValue("soundwave.warmup.concurrency", Integer.class).orElse(2),
                config.getOptionalValue("soundwave.warmup.render-every", Integer.class).orElse(4),
                config.getOptionalValue("soundwave.warmup.settle-per-mille", Integer.class).orElse(0),
                config.getOptionalValue("soundwave.warmup.settle-window-millis", Integer.class).orElse(3000));
    }

    /** Without a URL (a node not started by bin/cluster) or with no requests to make, there is no pass. */
    boolean enabled() {
        return !url.isBlank() && requests > 0;
    }

    /** Whether the pass goes on, one request at a time, until the JIT compilers are quiet. */
    boolean settles() {
        return settlePerMille > 0 && settleWindowMillis > 0;
    }
}
