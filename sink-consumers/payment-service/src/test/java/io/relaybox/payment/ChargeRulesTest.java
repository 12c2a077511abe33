package io.relaybox.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.relaybox.problem.FieldViolation;

class ChargeRulesTest {

    private final List<FieldViolation> violations = new ArrayList<>();

    @Test
    void acceptsAChargeAndScalesTheAmountToTwoDecimals() {
        Charge charge = ChargeRules.validate("customer-001", "EUR", new BigDecimal("12.5"), "amount", violations);

        assertThat(violations).isEmpty();
        assertThat(charge).isEqualTo(new Charge("customer-001", "EUR", new BigDecimal("12.50")));
        assertThat(charge.amount().toPlainString()).isEqualTo("12.50");
    }

    @Test
    void namesEveryMissingField() {
        assertThat(ChargeRules.validate(null, " ", null, "total", violations)).isNull();

        assertThat(violations).containsExactly(new FieldViolation("customerId", "must not be blank"),
                new FieldViolation("currency", "must not be blank"), new FieldViolation("total", "must not be null"));
    }

    @Test
    void rejectsACurrencyThatIsNoneOrHasNoMinorUnits() {
        assertThat(ChargeRules.validate("c-1", "EURO", BigDecimal.ONE, "amount", violations)).isNull();
        assertThat(ChargeRules.validate("c-1", "XAU", BigDecimal.ONE, "amount", violations)).isNull();

        assertThat(violations).extracting(FieldViolation::field).containsExactly("currency", "currency");
    }

    @Test
    void rejectsACustomerIdThatPostgresqlCouldNotStoreAsSent() {
        ChargeRules.validate("c-\u0000", "EUR", BigDecimal.ONE, "amount", violations);

        assertThat(violations).containsExactly(new FieldViolation("customerId", io.relaybox.problem.StorableText.MESSAGE));
    }

    @Test
    void rejectsANegativeAmount() {
        ChargeRules.validate("c-1", "EUR", new BigDecimal("-0.01"), "amount", violations);

        assertThat(violations).containsExactly(new FieldViolation("amount", "must be greater than or equal to 0"));
    }

    @Test
    void rejectsAnAmountWithMoreDecimalsThanItsCurrencyHas() {
        ChargeRules.validate("c-1", "EUR", new BigDecimal("1.005"), "amount", violations);
        ChargeRules.validate("c-1", "JPY", new BigDecimal("1500.5"), "amount", violations);
        ChargeRules.validate("c-1", "KWD", new BigDecimal("1.2345"), "amount", violations);

        assertThat(violations).containsExactly(new FieldViolation("amount", "must have at most 2 decimal places in EUR"),
                new FieldViolation("amount", "must have at most 0 decimal places in JPY"),
                new FieldViolation("amount", "must have at most 3 decimal places in KWD"));
    }

    @Test
    void keepsYenWholeAndDinarsToTheFils() {
        assertThat(ChargeRules.validate("c-1", "JPY", new BigDecimal("1500.00"), "amount", violations).amount().toPlainString())
                .isEqualTo("1500");
        assertThat(ChargeRules.validate("c-1", "KWD", new BigDecimal("1.25"), "amount", violations).amount().toPlainString())
                .isEqualTo("1.250");
        assertThat(violations).isEmpty();
    }

    /**
     * For every ISO 4217 currency with minor units and 20,000 seeded amounts of 0 to 5 decimals: an amount is accepted
     * exactly when it has no more decimals than the currency, and then keeps its value at the currency's scale.
     */
    @Test
    void acceptsAnAmountInEveryCurrencyExactlyWhenItFitsItsMinorUnitsAndNeverRoundsIt() {
        List<java.util.Currency> currencies = java.util.Currency.getAvailableCurrencies().stream()
                .filter(currency -> currency.getDefaultFractionDigits() >= 0)
                .sorted(java.util.Comparator.comparing(java.util.Currency::getCurrencyCode)).toList();
        java.util.Random random = new java.util.Random(20261206);
        for (int i = 0; i < 20_000; i++) {
            java.util.Currency currency = currencies.get(random.nextInt(currencies.size()));
            BigDecimal amount = BigDecimal.valueOf(random.nextLong(1_000_000_000L), random.nextInt(6));
            List<FieldViolation> found = new ArrayList<>();

            Charge charge = ChargeRules.validate("c-1", currency.getCurrencyCode(), amount, "amount", found);

            int digits = currency.getDefaultFractionDigits();
            String example = amount.toPlainString() + " " + currency.getCurrencyCode() + " (draw " + i + ", seed 20261206)";
            if (amount.stripTrailingZeros().scale() <= digits) {
                assertThat(found).as(example).isEmpty();
                assertThat(charge.amount().scale()).as(example).isEqualTo(digits);
                assertThat(charge.amount()).as(example).isEqualByComparingTo(amount);
            } else {
                assertThat(charge).as(example).isNull();
                assertThat(found).as(example).extracting(FieldViolation::field).containsExactly("amount");
            }
        }
    }

    @Test
    void acceptsTrailingZerosBeyondTheCurrencysDecimals() {
        assertThat(ChargeRules.validate("c-1", "EUR", new BigDecimal("1.500"), "amount", violations).amount())
                .isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void rejectsAnOverlongCustomerId() {
        ChargeRules.validate("c".repeat(101), "EUR", BigDecimal.ONE, "amount", violations);

        assertThat(violations).containsExactly(new FieldViolation("customerId", "size must be at most 100"));
    }
}
