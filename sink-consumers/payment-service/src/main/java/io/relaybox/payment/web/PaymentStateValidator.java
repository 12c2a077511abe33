package io.relaybox.payment.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.relaybox.payment.AccountKey;
import io.relaybox.payment.Charge;
import io.relaybox.payment.ChargeRules;
import io.relaybox.payment.FailureReason;
import io.relaybox.payment.PaymentState;
import io.relaybox.payment.PaymentStatus;
import io.relaybox.payment.TransferredAccount;
import io.relaybox.payment.TransferredPayment;
import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.InvalidRequestException;
import io.relaybox.problem.MoneyRules;
import io.relaybox.problem.RowChecks;

/**
 * Checks a state transfer field by field and reports every violation at once, by its path
 * ({@code payments[2].amount}); the rules are the tables' checks and the service's money rules (amounts at their
 * currency's scale, never rounded), so that a valid body never fails in the database halfway through.
 */
final class PaymentStateValidator {

    private static final String DECIDING = "DECIDING";
    private static final String STATUSES = names(PaymentStatus.values());
    private static final String REASONS = names(FailureReason.values());

    /** The valid state, or {@link InvalidRequestException} naming every invalid field. */
    PaymentState state(PaymentStateRequest request) {
        if (request == null) {
            throw new InvalidRequestException(List.of(new FieldViolation("body", "must not be empty")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        List<TransferredAccount> accounts = accounts(request.accounts(), violations);
        List<TransferredPayment> payments = payments(request.payments(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new PaymentState(accounts, payments);
    }

    private static List<TransferredAccount> accounts(List<PaymentStateRequest.AccountRow> rows,
            List<FieldViolation> violations) {
        Set<AccountKey> keys = new HashSet<>();
        return RowChecks.each(rows, "accounts", violations, (row, path, found) -> {
            int before = found.size();
            ChargeRules.customerIdProblem(row.customerId())
                    .ifPresent(message -> found.add(new FieldViolation(path + ".customerId", message)));
            Currency currency = MoneyRules.currency(row.currency(), path + ".currency", found).orElse(null);
            BigDecimal balance = ChargeRules.amount(row.balance(), currency, path + ".balance", found);
            BigDecimal initial = ChargeRules.amount(row.initial(), currency, path + ".initial", found);
            if (found.size() == before && !keys.add(new AccountKey(row.customerId(), row.currency()))) {
                // one statement writes every row: an account given twice would be written twice, or refused by PostgreSQL
                found.add(new FieldViolation(path, "must be unique by customerId and currency"));
            }
            return () -> new TransferredAccount(row.customerId(), row.currency(), balance, initial);
        });
    }

    private static List<TransferredPayment> payments(List<PaymentStateRequest.PaymentRow> rows,
            List<FieldViolation> violations) {
        Set<UUID> orderIds = new HashSet<>();
        return RowChecks.each(rows, "payments", violations, (row, path, found) -> {
            if (row.orderId() == null) {
                found.add(new FieldViolation(path + ".orderId", "must not be null"));
            } else if (!orderIds.add(row.orderId())) {
                found.add(new FieldViolation(path + ".orderId", "must be unique"));
            }
            PaymentStatus status = status(row.status(), path + ".status", found);
            Charge charge = status == PaymentStatus.CANCELLED ? noCharge(row, path, found) : charge(row, path, found);
            FailureReason reason = failureReason(row.failureReason(), status, path + ".failureReason", found);
            return () -> charge == null ? new TransferredPayment(row.orderId(), status, null, null, null, null)
                    : new TransferredPayment(row.orderId(), status, charge.customerId(), charge.currency(), charge.amount(), reason);
        });
    }

    private static PaymentStatus status(String status, String path, List<FieldViolation> violations) {
        if (status == null || status.isBlank()) {
            violations.add(new FieldViolation(path, "must not be blank"));
            return null;
        }
        if (DECIDING.equals(status)) {
            // a row being decided exists only inside its deciding transaction: it has no outcome to transfer
            violations.add(new FieldViolation(path, "must not be DECIDING: only decided payments are transferred"));
            return null;
        }
        try {
            return PaymentStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            violations.add(new FieldViolation(path, "must be one of " + STATUSES));
            return null;
        }
    }

    /** The charge of a payment that is not cancelled, under the capture's rules, its fields named by their path. */
    private static Charge charge(PaymentStateRequest.PaymentRow row, String path, List<FieldViolation> violations) {
        List<FieldViolation> found = new ArrayList<>();
        Charge charge = ChargeRules.validate(row.customerId(), row.currency(), row.amount(), "amount", found);
        found.forEach(violation -> violations.add(new FieldViolation(path + "." + violation.field(), violation.message())));
        return charge;
    }

    /** A payment cancelled before its order was placed has no charge (the table's check): none may be sent. */
    private static Charge noCharge(PaymentStateRequest.PaymentRow row, String path, List<FieldViolation> violations) {
        String message = "must be null when the status is CANCELLED";
        if (row.customerId() != null) {
            violations.add(new FieldViolation(path + ".customerId", message));
        }
        if (row.currency() != null) {
            violations.add(new FieldViolation(path + ".currency", message));
        }
        if (row.amount() != null) {
            violations.add(new FieldViolation(path + ".amount", message));
        }
        return null;
    }

    /** A reason exactly when the payment failed (the table's check). */
    private static FailureReason failureReason(String reason, PaymentStatus status, String path,
            List<FieldViolation> violations) {
        if (status != PaymentStatus.FAILED) {
            if (reason != null && status != null) {
                violations.add(new FieldViolation(path, "must be null unless the status is FAILED"));
            }
            return null;
        }
        if (reason == null || reason.isBlank()) {
            violations.add(new FieldViolation(path, "must not be blank when the status is FAILED"));
            return null;
        }
        try {
            return FailureReason.valueOf(reason);
        } catch (IllegalArgumentException unknown) {
            violations.add(new FieldViolation(path, "must be one of " + REASONS));
            return null;
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
