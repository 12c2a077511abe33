package io.relaybox.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = { "ABC", "eur", "EURO", "E1R" })
    void rejectsAnUnknownCurrency(String currency) {
        ChargeRules.validate("c-1", currency, BigDecimal.ONE, "amount", violations);

        assertThat(violations).containsExactly(
                new FieldViolation("currency", "must be an ISO 4217 currency code, e.g. EUR"));
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
    void rejectsAnAmountWithMoreThanTwoDecimals() {
        ChargeRules.validate("c-1", "EUR", new BigDecimal("1.005"), "amount", violations);

        assertThat(violations).containsExactly(new FieldViolation("amount", "must have at most 2 decimal places"));
    }

    @Test
    void acceptsTrailingZerosBeyondTwoDecimals() {
        assertThat(ChargeRules.validate("c-1", "EUR", new BigDecimal("1.500"), "amount", violations).amount())
                .isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void rejectsAnOverlongCustomerId() {
        ChargeRules.validate("c".repeat(101), "EUR", BigDecimal.ONE, "amount", violations);

        assertThat(violations).containsExactly(new FieldViolation("customerId", "size must be at most 100"));
    }
}
