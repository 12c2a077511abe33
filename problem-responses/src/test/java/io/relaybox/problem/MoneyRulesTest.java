package io.relaybox.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyRulesTest {

    private final List<FieldViolation> violations = new ArrayList<>();

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL | must not be blank",
        "' '  | must not be blank",
        "ABC  | must be an ISO 4217 currency code, e.g. EUR",
        "eur  | must be an ISO 4217 currency code, e.g. EUR",
        "EURO | must be an ISO 4217 currency code, e.g. EUR",
        "E1R  | must be an ISO 4217 currency code, e.g. EUR",
        "XAU  | must be a currency with minor units, e.g. EUR (not a metal or fund code)",
        "XXX  | must be a currency with minor units, e.g. EUR (not a metal or fund code)",
        "XDR  | must be a currency with minor units, e.g. EUR (not a metal or fund code)" })
    void namesTheFieldOfACodeThatIsNoCurrencyWithMinorUnits(String code, String message) {
        assertThat(MoneyRules.currency(code, "currency", violations)).isEmpty();

        assertThat(violations).containsExactly(new FieldViolation("currency", message));
    }

    @Test
    void knowsEuroYenAndDinar() {
        assertThat(MoneyRules.currency("EUR", "c", violations)).contains(Currency.getInstance("EUR"));
        assertThat(MoneyRules.currency("JPY", "c", violations)).contains(Currency.getInstance("JPY"));
        assertThat(MoneyRules.currency("KWD", "c", violations)).contains(Currency.getInstance("KWD"));
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "1.005   | EUR | must have at most 2 decimal places in EUR",
        "1.50    | EUR | NULL",
        "1.500   | EUR | NULL",
        "1500.5  | JPY | must have at most 0 decimal places in JPY",
        "1500.00 | JPY | NULL",
        "1.255   | KWD | NULL",
        "1.2555  | KWD | must have at most 3 decimal places in KWD" })
    void refusesMoreDecimalsThanTheCurrencyHasButNotTrailingZeros(String amount, String code, String problem) {
        assertThat(MoneyRules.decimalsProblem(new BigDecimal(amount), Currency.getInstance(code)).orElse(null)).isEqualTo(problem);
    }
}
