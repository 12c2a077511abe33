package io.relaybox.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.MoneyRules;
import io.relaybox.problem.StorableText;

/** The rules for what is captured, shared by the HTTP API and the event handler. */
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
        if (customerId == null || customerId.isBlank()) {
            violations.add(new FieldViolation("customerId", "must not be blank"));
        } else if (customerId.length() > MAX_CUSTOMER_ID) {
            violations.add(new FieldViolation("customerId", "size must be at most " + MAX_CUSTOMER_ID));
        } else {
            StorableText.problem(customerId).ifPresent(message -> violations.add(new FieldViolation("customerId", message)));
        }
        Currency known = MoneyRules.currency(currency, "currency", violations).orElse(null);
        if (amount == null) {
            violations.add(new FieldViolation(amountField, "must not be null"));
        } else if (amount.signum() < 0) {
            violations.add(new FieldViolation(amountField, "must be greater than or equal to 0"));
        } else if (amount.compareTo(MAX_AMOUNT) >= 0) {
            violations.add(new FieldViolation(amountField, "must be less than " + MAX_AMOUNT.toPlainString()));
        } else if (known != null) {
            MoneyRules.decimalsProblem(amount, known).ifPresent(message -> violations.add(new FieldViolation(amountField, message)));
        }
        if (violations.size() != before) {
            return null;
        }
        return new Charge(customerId, currency, amount.setScale(known.getDefaultFractionDigits(), RoundingMode.UNNECESSARY));
    }
}
