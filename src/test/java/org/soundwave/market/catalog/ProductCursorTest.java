package org.soundwave.market.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The product listing's keyset cursor: "sort|id|value" in base64url, valid only with the sort it was made for. */
class ProductCursorTest {

    private static String token(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "NAME,       moog minimoog,   1",
            "NAME_DESC,  moog minimoog,   9223372036854775807",
            "PRICE,      0,               3",
            "PRICE,      1299.99,         4",
            "PRICE_DESC, 99999999.99,     5",
            "PRICE_DESC, 12.5,            6",
    })
    void decodeReturnsTheCursorThatWasEncodedForItsSort(ProductSort sort, String value, long id) {
        ProductCursor cursor = new ProductCursor(sort, value, id);
        String encoded = cursor.encode();
        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
        assertEquals(Optional.of(cursor), ProductCursor.decode(encoded, sort));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"ac|dc live", "|", "a||b|", "ørsted mk ii – 日本 🎹", "", " leading and trailing "})
    void aNameSurvivesTheCursorWhateverItContains(String name) {
        for (ProductSort sort : new ProductSort[] {ProductSort.NAME, ProductSort.NAME_DESC}) {
            ProductCursor cursor = new ProductCursor(sort, name, 8);
            assertEquals(Optional.of(cursor), ProductCursor.decode(cursor.encode(), sort));
        }
    }

    static Stream<Arguments> differentSorts() {
        return Stream.of(ProductSort.values()).flatMap(made -> Stream.of(ProductSort.values())
                .filter(used -> used != made).map(used -> Arguments.of(made, used)));
    }

    @ParameterizedTest(name = "made for {0}, used with {1}")
    @MethodSource("differentSorts")
    void decodeRejectsACursorMadeForAnotherSort(ProductSort made, ProductSort used) {
        // "10.00" is a valid value for every sort: only the sort differs.
        assertEquals(Optional.empty(), ProductCursor.decode(new ProductCursor(made, "10.00", 5).encode(), used));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "abc", "012", "1.234", "1.", ".5", "-1", "1e3", "1,50", " 1", "1 ", "123456789", "NaN"})
    void decodeRejectsAPriceCursorWhoseValueIsNotAPrice(String value) {
        assertEquals(Optional.empty(), ProductCursor.decode(token("price|5|" + value), ProductSort.PRICE));
        assertEquals(Optional.empty(), ProductCursor.decode(token("-price|5|" + value), ProductSort.PRICE_DESC));
    }

    @ParameterizedTest(name = "id {0}")
    @ValueSource(strings = {"0", "-3", "x", "", "1.0", "9223372036854775808"})
    void decodeRejectsIdsThatAreNotPositiveLongs(String id) {
        assertEquals(Optional.empty(), ProductCursor.decode(token("name|" + id + "|moog"), ProductSort.NAME));
        assertEquals(Optional.empty(), ProductCursor.decode(token("price|" + id + "|10"), ProductSort.PRICE));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "!!!", "not base64 at all", "+/==", "bmFtZXw1fG1vb2c=x"})
    void decodeRejectsGarbage(String garbage) {
        for (ProductSort sort : ProductSort.values()) {
            assertEquals(Optional.empty(), ProductCursor.decode(garbage, sort), sort.name());
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"name|5", "NAME|5|moog", "Name|5|moog", " name|5|moog", "|5|moog", "name"})
    void decodeRejectsAPlainTextThatIsNotSortIdAndValue(String plain) {
        assertEquals(Optional.empty(), ProductCursor.decode(token(plain), ProductSort.NAME));
    }

    /** Cursors sit in cached first pages and bookmarked URLs, so their form must stay readable across versions. */
    @ParameterizedTest
    @EnumSource(ProductSort.class)
    void encodesTheSortByItsQueryParameterThenTheIdThenTheValue(ProductSort sort) {
        String plain = new String(Base64.getUrlDecoder().decode(new ProductCursor(sort, "1", 2).encode()), StandardCharsets.UTF_8);
        assertEquals(sort.param() + "|2|1", plain);
        assertEquals(Optional.of(sort), ProductSort.of(plain.substring(0, plain.indexOf('|'))));
    }

    @Test
    void aPriceCursorAcceptsEveryFormAProductFormPriceTakes() {
        for (String price : new String[] {"0", "0.5", "0.05", "7", "12.50", "99999999", "99999999.99"}) {
            assertEquals(Optional.of(new ProductCursor(ProductSort.PRICE, price, 3)),
                    ProductCursor.decode(token("price|3|" + price), ProductSort.PRICE), price);
        }
    }

    @ParameterizedTest
    @EnumSource(ProductSort.class)
    void decodeOfNothingIsEmpty(ProductSort sort) {
        assertEquals(Optional.empty(), ProductCursor.decode(null, sort));
    }
}
