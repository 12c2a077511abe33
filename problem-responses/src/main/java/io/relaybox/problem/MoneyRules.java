package io.relaybox.problem;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules every service applies to money a client sends: an ISO 4217 currency that has minor units, and amounts with
 * no more decimals than it has (0 for JPY, 2 for EUR, 3 for KWD), so that no amount is ever rounded.
 */
public final class MoneyRules {

    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    private MoneyRules() {
    }

    /**
     * The currency of the code; or, when there is none, a {@link FieldViolation} of {@code field} added to
     * {@code violations}.
     *
     * @return the currency, or empty when a violation was added
     */
    public static Optional<Currency> currency(String code, String field, List<FieldViolation> violations) {
        if (code == null || code.isBlank()) {
            violations.add(new FieldViolation(field, "must not be blank"));
            return Optional.empty();
        }
        Currency currency = null;
        if (CURRENCY_CODE.matcher(code).matches()) {
            try {
                currency = Currency.getInstance(code);
            } catch (IllegalArgumentException unknown) {
                // not a currency: reported below
            }
        }
        if (currency == null) {
            violations.add(new FieldViolation(field, "must be an ISO 4217 currency code, e.g. EUR"));
        } else if (currency.getDefaultFractionDigits() < 0) {
            violations.add(new FieldViolation(field, "must be a currency with minor units, e.g. EUR (not a metal or fund code)"));
            currency = null;
        }
        return Optional.ofNullable(currency);
    }

    /** Why the amount has too many decimals for the currency, or empty when it has not (trailing zeros do not count). */
    public static Optional<String> decimalsProblem(BigDecimal amount, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return amount.stripTrailingZeros().scale() > digits
                ? Optional.of("must have at most " + digits + " decimal places in " + currency.getCurrencyCode())
                : Optional.empty();
    }
}
