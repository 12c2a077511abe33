package io.relaybox.order.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

import io.relaybox.order.PlaceOrder;
import io.relaybox.order.SalesChannel;
import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.InvalidRequestException;
import io.relaybox.problem.MoneyRules;
import io.relaybox.problem.StorableText;

/** Checks request bodies field by field and reports every violation at once, named by its path. */
final class OrderRequestValidator {

    static final int MAX_LINES = 1_000;
    static final int MAX_QUANTITY = 10_000;
    static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000000");
    /** What the payment service captures at most: a larger order could never be paid, nor end. */
    static final BigDecimal MAX_TOTAL = new BigDecimal("100000000000");
    static final int MAX_TEXT = 100;
    static final int MAX_REASON = 500;

    /** The validated command. */
    PlaceOrder placeOrder(PlaceOrderRequest request) {
        return placeOrder(request, null);
    }

    /**
     * The validated command; the {@code Idempotency-Key} header, when given, is checked with the body.
     *
     * @param idempotencyKey the header's value, or null when absent
     */
    PlaceOrder placeOrder(PlaceOrderRequest request, String idempotencyKey) {
        List<FieldViolation> violations = new ArrayList<>();
        if (idempotencyKey != null) {
            IdempotencyKeyHeader.problem(idempotencyKey)
                    .ifPresent(message -> violations.add(new FieldViolation(IdempotencyKeyHeader.NAME, message)));
        }
        if (request == null) {
            violations.add(new FieldViolation("body", "must not be empty"));
            throw new InvalidRequestException(violations);
        }
        text(request.customerId(), "customerId", MAX_TEXT, violations);
        SalesChannel salesChannel = salesChannel(request.salesChannel(), violations);
        Currency currency = MoneyRules.currency(request.currency(), "currency", violations).orElse(null);
        List<PlaceOrder.Line> lines = lines(request.lines(), currency, violations);
        if (violations.isEmpty() && total(lines).compareTo(MAX_TOTAL) >= 0) {
            violations.add(new FieldViolation("lines", "the order's total must be less than " + MAX_TOTAL.toPlainString()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new PlaceOrder(request.customerId(), salesChannel, currency, lines);
    }

    /** The channel named, WEB when none is; a name that is not a channel is a violation naming the field. */
    private static SalesChannel salesChannel(String name, List<FieldViolation> violations) {
        if (name == null) {
            return SalesChannel.WEB;
        }
        return SalesChannel.named(name).orElseGet(() -> {
            violations.add(new FieldViolation("salesChannel", "must be one of " + Arrays.toString(SalesChannel.values())));
            return SalesChannel.WEB;
        });
    }

    private static BigDecimal total(List<PlaceOrder.Line> lines) {
        return lines.stream().map(line -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The validated reason, or null when none was given. */
    String cancellationReason(CancelOrderRequest request) {
        if (request == null || request.reason() == null) {
            return null;
        }
        List<FieldViolation> violations = new ArrayList<>();
        text(request.reason(), "reason", MAX_REASON, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return request.reason();
    }

    /** @param currency the order's currency, or null when it is invalid (then no price is checked against it) */
    private static List<PlaceOrder.Line> lines(List<PlaceOrderRequest.Line> lines, Currency currency, List<FieldViolation> violations) {
        if (lines == null || lines.isEmpty()) {
            violations.add(new FieldViolation("lines", "must not be empty"));
            return List.of();
        }
        if (lines.size() > MAX_LINES) {
            violations.add(new FieldViolation("lines", "size must be at most " + MAX_LINES));
            return List.of();
        }
        List<PlaceOrder.Line> valid = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String path = "lines[" + i + "]";
            PlaceOrderRequest.Line line = lines.get(i);
            if (line == null) {
                violations.add(new FieldViolation(path, "must not be null"));
                continue;
            }
            int before = violations.size();
            text(line.sku(), path + ".sku", MAX_TEXT, violations);
            quantity(line.quantity(), path + ".quantity", violations);
            unitPrice(line.unitPrice(), currency, path + ".unitPrice", violations);
            if (violations.size() == before) {
                valid.add(new PlaceOrder.Line(line.sku(), line.quantity(), line.unitPrice()));
            }
        }
        return valid;
    }

    private static void quantity(Integer quantity, String field, List<FieldViolation> violations) {
        if (quantity == null) {
            violations.add(new FieldViolation(field, "must not be null"));
        } else if (quantity <= 0) {
            violations.add(new FieldViolation(field, "must be greater than 0"));
        } else if (quantity > MAX_QUANTITY) {
            violations.add(new FieldViolation(field, "must be less than or equal to " + MAX_QUANTITY));
        }
    }

    private static void unitPrice(BigDecimal price, Currency currency, String field, List<FieldViolation> violations) {
        if (price == null) {
            violations.add(new FieldViolation(field, "must not be null"));
        } else if (price.signum() < 0) {
            violations.add(new FieldViolation(field, "must be greater than or equal to 0"));
        } else if (price.compareTo(MAX_UNIT_PRICE) >= 0) {
            violations.add(new FieldViolation(field, "must be less than " + MAX_UNIT_PRICE.toPlainString()));
        } else if (currency != null) {
            MoneyRules.decimalsProblem(price, currency).ifPresent(message -> violations.add(new FieldViolation(field, message)));
        }
    }

    private static void text(String value, String field, int maxLength, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "must not be blank"));
        } else if (value.length() > maxLength) {
            violations.add(new FieldViolation(field, "size must be at most " + maxLength));
        } else {
            StorableText.problem(value).ifPresent(message -> violations.add(new FieldViolation(field, message)));
        }
    }
}
