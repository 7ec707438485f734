package org.soundwave.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Page numbers and ids from request parameters: absent, a positive number, or -1 for anything else. */
class PagesTest {

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    void anAbsentParameterIsEmpty(String value) {
        assertEquals(OptionalInt.empty(), Pages.positive(value));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1, 1", "2, 2", "42, 42", "999999999, 999999999"})
    void aPositiveNumberIsReadAsItIs(String value, int number) {
        assertEquals(OptionalInt.of(number), Pages.positive(value));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "0", "00", "-1", "+1", "01", " 1", "1 ", "1.0", "1e3", "0x10", "abc", "1,000",
            "1000000000",    // ten digits: more than a page number or an int id can be
            "99999999999999999999", "٣", "１",   // Arabic-Indic and full-width digits
    })
    void anythingElseIsMinusOne(String value) {
        assertEquals(OptionalInt.of(-1), Pages.positive(value));
    }

    @Test
    void aSummaryKeepsShortTextWholeWithItsWhitespaceCollapsed() {
        assertEquals("Keep the heads clean. And demagnetise them.", Pages.summary("  Keep the heads clean.\n\n  And demagnetise them. ", 155));
        assertEquals("", Pages.summary(null, 155));
    }

    @Test
    void aSummaryCutsLongTextAtAWordWithinTheLimit() {
        String summary = Pages.summary("Tape echo units need care: clean heads, fresh tape and a steady motor make the difference", 40);
        assertEquals("Tape echo units need care: clean heads,…", summary);
        assertTrue(summary.length() <= 40);
        assertEquals("abcdefghi…", Pages.summary("abcdefghijklmnopqrstuvwxyz", 10), "one long word is cut inside it");
    }
}
