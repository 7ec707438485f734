package org.soundwave.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernamesTest {

    @ParameterizedTest
    @CsvSource({"spiii-x,spiii-x", "SPIII-X,spiii-x", "Ann.Lee_1,ann.lee_1", "abc,abc"})
    void everyLetterCaseOfANameHasOneCanonicalForm(String name, String canonical) {
        assertEquals(Optional.of(canonical), Usernames.canonical(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sp\u0130\u0130\u0130-x", "spııı-x", "ﬀoo", "ab", "a b c", "abc\u0000", "ａｂｃ", "x'--", "thirty-one-characters-long-name"})
    void aNameNoAccountCanHaveHasNone(String name) {
        assertEquals(Optional.empty(), Usernames.canonical(name));
    }

    @org.junit.jupiter.api.Test
    void noNameIsNone() {
        assertEquals(Optional.empty(), Usernames.canonical(null));
    }
}
