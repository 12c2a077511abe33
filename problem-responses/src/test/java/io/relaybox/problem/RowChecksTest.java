package io.relaybox.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class RowChecksTest {

    private final List<FieldViolation> violations = new ArrayList<>();

    @Test
    void keepsTheValidRowsAndNamesEveryWrongOneByItsPath() {
        List<Integer> valid = RowChecks.each(Arrays.asList("1", "x", null, "3"), "stock", violations, RowChecksTest::number);

        assertThat(valid).containsExactly(1, 3);
        assertThat(violations).containsExactly(new FieldViolation("stock[1].units", "must be a number"),
                new FieldViolation("stock[2]", "must not be null"));
    }

    @Test
    void reportsAMissingListUnderItsOwnPath() {
        assertThat(RowChecks.each(null, "reservations[0].lines", violations, RowChecksTest::number)).isEmpty();

        assertThat(violations).containsExactly(new FieldViolation("reservations[0].lines", "must not be null"));
    }

    @Test
    void dropsARowWhoseCheckFoundSomethingEvenWhenEarlierRowsWereWrongToo() {
        List<Integer> valid = RowChecks.each(List.of("x", "y", "2"), "rows", violations, RowChecksTest::number);

        assertThat(valid).containsExactly(2);
        assertThat(violations).extracting(FieldViolation::field).containsExactly("rows[0].units", "rows[1].units");
    }

    private static Supplier<Integer> number(String row, String path, List<FieldViolation> found) {
        if (!row.matches("[0-9]+")) {
            found.add(new FieldViolation(path + ".units", "must be a number"));
        }
        // made only for a valid row: Integer.valueOf("x") would throw
        return () -> Integer.valueOf(row);
    }
}
