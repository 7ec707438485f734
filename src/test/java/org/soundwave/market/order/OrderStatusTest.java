package org.soundwave.market.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** An order's life: PENDING → PAID → COMPLETED, or PENDING → CANCELED; nothing else. */
class OrderStatusTest {

    private static final Set<String> ALLOWED = Set.of("PENDING>PAID", "PENDING>CANCELED", "PAID>COMPLETED");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"PENDING, PAID", "PENDING, CANCELED", "PAID, COMPLETED"})
    void anOrderMayMoveAlongItsLife(OrderStatus from, OrderStatus to) {
        assertTrue(from.mayBecome(to));
    }

    static Stream<Arguments> everyOtherPair() {
        return Stream.of(OrderStatus.values()).flatMap(from -> Stream.of(OrderStatus.values())
                .filter(to -> !ALLOWED.contains(from + ">" + to)).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} ↛ {1}")
    @MethodSource("everyOtherPair")
    void everyOtherMoveIsForbiddenIncludingStayingAndGoingBack(OrderStatus from, OrderStatus to) {
        assertFalse(from.mayBecome(to));
    }

    /** Orders are read back with OrderStatus.valueOf(status column): the column must hold nothing else. */
    @Test
    void theDatabaseAcceptsExactlyTheStatusNames() throws IOException {
        String sql;
        try (InputStream in = OrderStatusTest.class.getResourceAsStream("/db/migration/V5__orders.sql")) {
            assertNotNull(in, "V5__orders.sql on the class path");
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher check = Pattern.compile("status\\s+VARCHAR\\((\\d+)\\)\\s+NOT NULL CHECK \\(status IN \\(([^)]*)\\)\\)").matcher(sql);
        assertTrue(check.find(), "the status column's CHECK constraint");
        Set<String> allowed = Arrays.stream(check.group(2).split(","))
                .map(s -> s.strip().replace("'", "")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> names = Arrays.stream(OrderStatus.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(names, allowed);
        int width = Integer.parseInt(check.group(1));
        names.forEach(name -> assertTrue(name.length() <= width, name + " fits VARCHAR(" + width + ")"));
    }
}
