package io.relaybox.inventory.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.relaybox.inventory.InventoryState;
import io.relaybox.inventory.RequestedLine;
import io.relaybox.inventory.RequestedLines;
import io.relaybox.inventory.ReservationStatus;
import io.relaybox.inventory.SkuQuantity;
import io.relaybox.inventory.StockLevel;
import io.relaybox.inventory.TransferredReservation;
import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.InvalidRequestException;
import io.relaybox.problem.RowChecks;

/**
 * Checks a state transfer field by field and reports every violation at once, by its path
 * ({@code reservations[2].lines[0].quantity}); the rules are the tables' checks, so that a valid body never fails in
 * the database halfway through.
 */
final class InventoryStateValidator {

    private static final String DECIDING = "DECIDING";
    private static final String STATUSES = Arrays.stream(ReservationStatus.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    /** The valid state, or {@link InvalidRequestException} naming every invalid field. */
    InventoryState state(InventoryStateRequest request) {
        if (request == null) {
            throw new InvalidRequestException(List.of(new FieldViolation("body", "must not be empty")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        List<StockLevel> stock = stock(request.stock(), violations);
        List<TransferredReservation> reservations = reservations(request.reservations(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new InventoryState(stock, reservations);
    }

    private static List<StockLevel> stock(List<InventoryStateRequest.StockRow> rows, List<FieldViolation> violations) {
        Set<String> skus = new HashSet<>();
        return RowChecks.each(rows, "stock", violations, (row, path, found) -> {
            Optional<String> skuProblem = RequestedLines.skuProblem(row.sku());
            skuProblem.ifPresent(message -> found.add(new FieldViolation(path + ".sku", message)));
            if (skuProblem.isEmpty() && !skus.add(row.sku())) {
                // one statement writes every row: a SKU given twice would be written twice, or refused by PostgreSQL
                found.add(new FieldViolation(path + ".sku", "must be unique"));
            }
            units(row.onHand(), path + ".onHand", found);
            units(row.reserved(), path + ".reserved", found);
            units(row.initial(), path + ".initial", found);
            return () -> new StockLevel(row.sku(), row.onHand(), row.reserved(), row.initial());
        });
    }

    private static List<TransferredReservation> reservations(List<InventoryStateRequest.ReservationRow> rows,
            List<FieldViolation> violations) {
        Set<UUID> orderIds = new HashSet<>();
        return RowChecks.each(rows, "reservations", violations, (row, path, found) -> {
            if (row.orderId() == null) {
                found.add(new FieldViolation(path + ".orderId", "must not be null"));
            } else if (!orderIds.add(row.orderId())) {
                found.add(new FieldViolation(path + ".orderId", "must be unique"));
            }
            ReservationStatus status = status(row.status(), path + ".status", found);
            List<SkuQuantity> lines = lines(row.lines(), status, path + ".lines", found);
            return () -> new TransferredReservation(row.orderId(), status, lines);
        });
    }

    private static ReservationStatus status(String status, String path, List<FieldViolation> violations) {
        if (status == null || status.isBlank()) {
            violations.add(new FieldViolation(path, "must not be blank"));
            return null;
        }
        if (DECIDING.equals(status)) {
            // a row being decided exists only inside its deciding transaction: it has no outcome to transfer
            violations.add(new FieldViolation(path, "must not be DECIDING: only decided reservations are transferred"));
            return null;
        }
        try {
            return ReservationStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            violations.add(new FieldViolation(path, "must be one of " + STATUSES));
            return null;
        }
    }

    /**
     * The lines as the service records them: one per SKU (the table's key), each of at least one unit; none for a
     * cancelled order (cancelled before it was placed, it asked for nothing), at least one for any other.
     */
    private static List<SkuQuantity> lines(List<RequestedLine> lines, ReservationStatus status, String path,
            List<FieldViolation> violations) {
        if (lines == null) {
            violations.add(new FieldViolation(path, "must not be null"));
            return List.of();
        }
        if (status == ReservationStatus.CANCELLED && !lines.isEmpty()) {
            violations.add(new FieldViolation(path, "must be empty when the status is CANCELLED"));
            return List.of();
        }
        if (status != null && status != ReservationStatus.CANCELLED && lines.isEmpty()) {
            violations.add(new FieldViolation(path, "must not be empty when the status is " + status));
            return List.of();
        }
        Set<String> skus = new HashSet<>();
        return RowChecks.each(lines, path, violations, (line, linePath, found) -> {
            Optional<String> skuProblem = RequestedLines.skuProblem(line.sku());
            skuProblem.ifPresent(message -> found.add(new FieldViolation(linePath + ".sku", message)));
            if (skuProblem.isEmpty() && !skus.add(line.sku())) {
                found.add(new FieldViolation(linePath + ".sku", "must be unique within the reservation"));
            }
            if (line.quantity() == null) {
                found.add(new FieldViolation(linePath + ".quantity", "must not be null"));
            } else if (line.quantity() <= 0) {
                found.add(new FieldViolation(linePath + ".quantity", "must be greater than 0"));
            }
            return () -> new SkuQuantity(line.sku(), line.quantity());
        });
    }

    private static void units(Integer units, String path, List<FieldViolation> violations) {
        if (units == null) {
            violations.add(new FieldViolation(path, "must not be null"));
        } else if (units < 0) {
            violations.add(new FieldViolation(path, "must be greater than or equal to 0"));
        }
    }
}
