package io.relaybox.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.StorableText;

/** The rules for the lines of a reservation, shared by the HTTP API and the event handler. */
public final class RequestedLines {

    static final int MAX_LINES = 1_000;
    static final int MAX_QUANTITY = 10_000;
    static final int MAX_SKU = 100;

    private RequestedLines() {
    }

    /**
     * Checks the lines and reports every violation, named by its path ({@code lines[1].quantity}).
     *
     * @param lines the lines as received; may be null
     * @param violations receives the violations
     * @return the valid lines (complete only when no violation was added)
     */
    public static List<SkuQuantity> validate(List<RequestedLine> lines, List<FieldViolation> violations) {
        if (lines == null || lines.isEmpty()) {
            violations.add(new FieldViolation("lines", "must not be empty"));
            return List.of();
        }
        if (lines.size() > MAX_LINES) {
            violations.add(new FieldViolation("lines", "size must be at most " + MAX_LINES));
            return List.of();
        }
        List<SkuQuantity> valid = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String path = "lines[" + i + "]";
            RequestedLine line = lines.get(i);
            if (line == null) {
                violations.add(new FieldViolation(path, "must not be null"));
                continue;
            }
            int before = violations.size();
            skuProblem(line.sku()).ifPresent(message -> violations.add(new FieldViolation(path + ".sku", message)));
            if (line.quantity() == null) {
                violations.add(new FieldViolation(path + ".quantity", "must not be null"));
            } else if (line.quantity() <= 0) {
                violations.add(new FieldViolation(path + ".quantity", "must be greater than 0"));
            } else if (line.quantity() > MAX_QUANTITY) {
                violations.add(new FieldViolation(path + ".quantity", "must be less than or equal to " + MAX_QUANTITY));
            }
            if (violations.size() == before) {
                valid.add(new SkuQuantity(line.sku(), line.quantity()));
            }
        }
        return valid;
    }

    /**
     * What is wrong with a SKU as sent, wherever it comes from (a line, a state transfer's stock row).
     *
     * @param sku the SKU; may be null
     * @return the violation's message, or empty when the SKU is valid
     */
    public static Optional<String> skuProblem(String sku) {
        if (sku == null || sku.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (sku.length() > MAX_SKU) {
            return Optional.of("size must be at most " + MAX_SKU);
        }
        return StorableText.problem(sku);
    }
}
