package org.soundwave.platform.cache;

/**
 * A change of a level's settings through the admin API; a missing field keeps its current value.
 * A JavaBean without constraint annotations: Payara's OpenAPI scanner fails on those (see Problem).
 */
public class CacheChange {

    private Boolean enabled;
    private Integer ttlSeconds;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public Integer getTtlSeconds() {
        return ttlSeconds;
    }

    public void setTtlSeconds(Integer ttlSeconds) {
        this.ttlSeconds = ttlSeconds;
    }
}
