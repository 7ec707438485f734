package org.soundwave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.soundwave.account.AccountConflictException;
import org.soundwave.blog.NoSuchPostException;
import org.soundwave.blog.NotAllowedException;
import org.soundwave.market.catalog.CatalogConflictException;
import org.soundwave.market.catalog.InvalidCatalogInputException;
import org.soundwave.market.catalog.NoSuchProductException;
import org.soundwave.market.order.NoSuchOrderException;
import org.soundwave.market.order.OrderConflictException;
import org.soundwave.market.order.OutOfStockException;

/** Each domain failure names the answer the API gives for it: status, problem type, detail and fields. */
class DomainExceptionTest {

    static Stream<Arguments> failures() {
        Map<Long, Integer> left = new LinkedHashMap<>();
        left.put(7L, 2);
        left.put(9L, 0);
        return Stream.of(
                Arguments.of(new NoSuchPostException(5), 404, "no-such-post", "There is no post 5.", Map.of()),
                Arguments.of(new NotAllowedException("not yours"), 403, "not-the-author", "not yours", Map.of()),
                Arguments.of(new NoSuchProductException("gone"), 404, "no-such-product", "gone", Map.of()),
                Arguments.of(new CatalogConflictException("twice"), 409, "conflict", "twice", Map.of()),
                Arguments.of(new InvalidCatalogInputException("category", "there is no category 99"), 400, "invalid-input",
                        "The request has invalid fields.", Map.of("category", "there is no category 99")),
                Arguments.of(new NoSuchOrderException(3), 404, "no-such-order", "There is no order 3 of yours.", Map.of()),
                Arguments.of(new OrderConflictException("paid"), 409, "illegal-transition", "paid", Map.of()),
                Arguments.of(new OutOfStockException(left), 409, "out-of-stock",
                        "Not enough stock for 2 of the products: nothing was reserved.",
                        Map.of("items.7", "only 2 left", "items.9", "only 0 left")),
                Arguments.of(new AccountConflictException("email"), 409, "account-exists", "This email is already taken.",
                        Map.of("email", "is already taken")));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("failures")
    void carriesTheProblemTheApiAnswers(DomainException failure, int status, String type, String detail, Map<String, String> fields) {
        assertEquals(status, failure.status());
        assertEquals(type, failure.type());
        assertEquals(detail, failure.detail());
        assertEquals(fields, failure.fieldErrors());
        assertEquals(Map.of(), failure.headers());
    }

    @Test
    void outOfStockListsTheProductsByIdWhateverTheOrderGiven() {
        Map<Long, Integer> left = new LinkedHashMap<>();
        left.put(9L, 1);
        left.put(3L, 4);
        assertEquals(List.of("items.3", "items.9"), List.copyOf(new OutOfStockException(left).fieldErrors().keySet()));
    }
}
