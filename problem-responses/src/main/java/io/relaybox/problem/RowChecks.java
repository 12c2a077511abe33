package io.relaybox.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks the rows of a list in a request body one by one, each under its path ({@code stock[2]}), so that every
 * violation is reported at once: a missing list and a missing row are violations of their own, and a row is kept only
 * when its check found nothing wrong with it.
 */
public final class RowChecks {

    private RowChecks() {
    }

    /**
     * Checks one row under its path.
     *
     * @param <R> the row as the request has it
     * @param <T> the valid row
     */
    @FunctionalInterface
    public interface RowCheck<R, T> {

        /**
         * Adds what is wrong with the row to the violations; returns how to make the valid row, called only when it
         * added none (a wrong row may not even be convertible: a missing number cannot be unboxed).
         */
        Supplier<T> check(R row, String path, List<FieldViolation> violations);
    }

    /** The valid rows of the list at {@code path}; what is wrong with the others is added to the violations. */
    public static <R, T> List<T> each(List<R> rows, String path, List<FieldViolation> violations, RowCheck<R, T> check) {
        if (rows == null) {
            violations.add(new FieldViolation(path, "must not be null"));
            return List.of();
        }
        List<T> valid = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String rowPath = path + "[" + i + "]";
            R row = rows.get(i);
            if (row == null) {
                violations.add(new FieldViolation(rowPath, "must not be null"));
                continue;
            }
            int before = violations.size();
            Supplier<T> checked = check.check(row, rowPath, violations);
            if (violations.size() == before) {
                valid.add(checked.get());
            }
        }
        return valid;
    }
}
