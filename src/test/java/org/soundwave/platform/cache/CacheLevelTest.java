package org.soundwave.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The levels as the admin API and the settings name them. */
class CacheLevelTest {

    @ParameterizedTest
    @EnumSource(CacheLevel.class)
    void eachLevelIsFoundByItsLowerCaseId(CacheLevel level) {
        assertEquals(level.name().toLowerCase(), level.id());
        assertEquals(Optional.of(level), CacheLevel.byId(level.id()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"PAGE", "Page", "pages", " page", "soundwave-pages", "all"})
    void anyOtherIdIsNoLevel(String id) {
        assertEquals(Optional.empty(), CacheLevel.byId(id));
    }

    @Test
    void everyLevelHasItsOwnCacheInTheGrid() {
        Set<String> names = Stream.of(CacheLevel.values()).map(CacheLevel::cacheName).collect(Collectors.toSet());
        assertEquals(CacheLevel.values().length, names.size());
        names.forEach(name -> assertEquals(true, name.startsWith("soundwave-"), name));
    }
}
