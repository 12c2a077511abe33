package io.relaybox.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.relaybox.problem.FieldViolation;

class RequestedLinesTest {

    private final List<FieldViolation> violations = new ArrayList<>();

    @Test
    void acceptsValidLinesInTheirOrder() {
        List<SkuQuantity> lines = RequestedLines.validate(List.of(new RequestedLine("SKU-B", 2),
                new RequestedLine("SKU-A", 1)), violations);

        assertThat(violations).isEmpty();
        assertThat(lines).containsExactly(new SkuQuantity("SKU-B", 2), new SkuQuantity("SKU-A", 1));
    }

    @Test
    void rejectsMissingOrEmptyLines() {
        RequestedLines.validate(null, violations);
        RequestedLines.validate(List.of(), violations);

        assertThat(violations).containsExactly(new FieldViolation("lines", "must not be empty"),
                new FieldViolation("lines", "must not be empty"));
    }

    @Test
    void namesEveryInvalidFieldByItsPath() {
        RequestedLines.validate(Arrays.asList(new RequestedLine("SKU-A", 1), new RequestedLine(" ", null),
                new RequestedLine("SKU-C", 0), null, new RequestedLine("x".repeat(101), 10_001)), violations);

        assertThat(violations).containsExactly(
                new FieldViolation("lines[1].sku", "must not be blank"),
                new FieldViolation("lines[1].quantity", "must not be null"),
                new FieldViolation("lines[2].quantity", "must be greater than 0"),
                new FieldViolation("lines[3]", "must not be null"),
                new FieldViolation("lines[4].sku", "size must be at most 100"),
                new FieldViolation("lines[4].quantity", "must be less than or equal to 10000"));
    }

    @Test
    void rejectsASkuThatPostgresqlCouldNotStoreAsSent() {
        RequestedLines.validate(List.of(new RequestedLine("SKU-\u0000", 1)), violations);

        assertThat(violations).containsExactly(new FieldViolation("lines[0].sku", io.relaybox.problem.StorableText.MESSAGE));
    }

    @Test
    void rejectsMoreThanAThousandLines() {
        RequestedLines.validate(Collections.nCopies(1_001, new RequestedLine("SKU-A", 1)), violations);

        assertThat(violations).containsExactly(new FieldViolation("lines", "size must be at most 1000"));
    }
}
