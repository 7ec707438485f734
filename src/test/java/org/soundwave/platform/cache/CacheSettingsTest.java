package org.soundwave.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A level's settings as every node stores and reads them in the replicated map: "enabled,ttlSeconds". */
class CacheSettingsTest {

    @ParameterizedTest(name = "{0}, {1} s")
    @CsvSource({"true, 1", "false, 60", "true, 86400", "false, 2147483647"})
    void aSettingIsReadBackAsItWasStored(boolean enabled, int ttlSeconds) {
        CacheSettings.Setting setting = new CacheSettings.Setting(enabled, ttlSeconds);
        assertEquals(setting, CacheSettings.Setting.decode(setting.encode()));
    }

    /** Nodes of two versions share the map during a rolling deploy: the stored form is a contract. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"true, 60, 'true,60'", "false, 5, 'false,5'"})
    void theStoredFormIsEnabledCommaSeconds(boolean enabled, int ttlSeconds, String stored) {
        assertEquals(stored, new CacheSettings.Setting(enabled, ttlSeconds).encode());
        assertEquals(new CacheSettings.Setting(enabled, ttlSeconds), CacheSettings.Setting.decode(stored));
    }

    @ParameterizedTest(name = "{0} s")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void aSettingNeedsATimeToLiveOfAtLeastOneSecond(int ttlSeconds) {
        assertThrows(IllegalArgumentException.class, () -> new CacheSettings.Setting(true, ttlSeconds));
        assertThrows(IllegalArgumentException.class, () -> CacheSettings.Setting.decode("true," + ttlSeconds));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "true", "true,", "true,abc", "true,1.5", "true,99999999999"})
    void aStoredValueWithoutAWholeTimeToLiveIsNotASetting(String stored) {
        assertThrows(RuntimeException.class, () -> CacheSettings.Setting.decode(stored));
    }
}
