package io.relaybox.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.StorableText;

/** The rules for what is captured, shared by the HTTP API and the event handler. */
public final class ChargeRules {

    static final int MAX_CUSTOMER_ID = 100;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

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
     * @return the charge with the amount at scale 2, or null when a violation was added
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
        if (currency == null || currency.isBlank()) {
            violations.add(new FieldViolation("currency", "must not be blank"));
        } else if (!isCurrency(currency)) {
            violations.add(new FieldViolation("currency", "must be an ISO 4217 currency code, e.g. EUR"));
        }
        if (amount == null) {
            violations.add(new FieldViolation(amountField, "must not be null"));
        } else if (amount.signum() < 0) {
            violations.add(new FieldViolation(amountField, "must be greater than or equal to 0"));
        } else if (amount.compareTo(MAX_AMOUNT) >= 0) {
            violations.add(new FieldViolation(amountField, "must be less than " + MAX_AMOUNT.toPlainString()));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            violations.add(new FieldViolation(amountField, "must have at most 2 decimal places"));
        }
        if (violations.size() != before) {
            return null;
        }
        return new Charge(customerId, currency, amount.setScale(2, RoundingMode.UNNECESSARY));
    }

    private static boolean isCurrency(String code) {
        if (!CURRENCY_CODE.matcher(code).matches()) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
