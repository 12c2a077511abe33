package io.relaybox.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.MoneyRules;
import io.relaybox.problem.StorableText;

/** The rules for what is captured (and what a state transfer brings), shared by the HTTP API and the event handler. */
public final class ChargeRules {

    static final int MAX_CUSTOMER_ID = 100;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000");

    private ChargeRules() {
    }

    /**
     * Checks a charge and reports every violation, named by its field.
     *
     * @param customerId as received
     * @param currency as received
     * @param amount as received
     * @param amountField the amount's name where it came from ({@code amount} over HTTP, {@code total} in an order)
     * @param violations receives the violations
     * @return the charge with the amount at the currency's scale (2 for EUR, 0 for JPY, 3 for KWD), or null when a
     *         violation was added
     */
    public static Charge validate(String customerId, String currency, BigDecimal amount, String amountField,
            List<FieldViolation> violations) {
        int before = violations.size();
        customerIdProblem(customerId).ifPresent(message -> violations.add(new FieldViolation("customerId", message)));
        Currency known = MoneyRules.currency(currency, "currency", violations).orElse(null);
        BigDecimal scaled = amount(amount, known, amountField, violations);
        if (violations.size() != before) {
            return null;
        }
        return new Charge(customerId, currency, scaled);
    }

    /**
     * What is wrong with a customer id as sent, wherever it comes from (a charge, a state transfer's account).
     *
     * @param customerId the id; may be null
     * @return the violation's message, or empty when the id is valid
     */
    public static Optional<String> customerIdProblem(String customerId) {
        if (customerId == null || customerId.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (customerId.length() > MAX_CUSTOMER_ID) {
            return Optional.of("size must be at most " + MAX_CUSTOMER_ID);
        }
        return StorableText.problem(customerId);
    }

    /**
     * Checks an amount of money (a charge, a balance) and reports what is wrong with it.
     *
     * @param amount as received
     * @param currency its currency, or null when the currency is invalid (then its decimals are not checked)
     * @param field the amount's name where it came from
     * @param violations receives the violation
     * @return the amount at the currency's scale (2 for EUR, 0 for JPY, 3 for KWD), or null when a violation was added
     *         or the currency is invalid
     */
    public static BigDecimal amount(BigDecimal amount, Currency currency, String field, List<FieldViolation> violations) {
        if (amount == null) {
            violations.add(new FieldViolation(field, "must not be null"));
        } else if (amount.signum() < 0) {
            violations.add(new FieldViolation(field, "must be greater than or equal to 0"));
        } else if (amount.compareTo(MAX_AMOUNT) >= 0) {
            violations.add(new FieldViolation(field, "must be less than " + MAX_AMOUNT.toPlainString()));
        } else if (currency != null) {
            Optional<String> decimals = MoneyRules.decimalsProblem(amount, currency);
            if (decimals.isEmpty()) {
                return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
            }
            violations.add(new FieldViolation(field, decimals.get()));
        }
        return null;
    }
}
