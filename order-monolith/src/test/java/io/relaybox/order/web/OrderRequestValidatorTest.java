package io.relaybox.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.relaybox.order.PlaceOrder;
import io.relaybox.order.SalesChannel;
import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.InvalidRequestException;

class OrderRequestValidatorTest {

    private final OrderRequestValidator validator = new OrderRequestValidator();

    @Test
    void acceptsAValidOrder() {
        PlaceOrder command = validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR", List.of(
                line("SKU-1", 2, "10.50"), line("SKU-2", 1, "0"))));

        assertThat(command.customerId()).isEqualTo("c-1");
        assertThat(command.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(command.lines()).containsExactly(new PlaceOrder.Line("SKU-1", 2, new BigDecimal("10.50")),
                new PlaceOrder.Line("SKU-2", 1, new BigDecimal("0")));
    }

    @Test
    void takesTheSalesChannelNamedAndTheWebShopWhenNoneIs() {
        assertThat(validator.placeOrder(new PlaceOrderRequest("c-1", "STORE", "EUR", List.of(line("SKU-1", 1, "1")))).salesChannel())
                .isEqualTo(SalesChannel.STORE);
        assertThat(validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR", List.of(line("SKU-1", 1, "1")))).salesChannel())
                .isEqualTo(SalesChannel.WEB);
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-1", "store", "EUR", List.of(line("SKU-1", 1, "1")))),
                new FieldViolation("salesChannel", "must be one of [WEB, STORE, PHONE, PARTNER]"));
    }

    @Test
    void namesEveryMissingField() {
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest(null, null, null, null)),
                new FieldViolation("customerId", "must not be blank"),
                new FieldViolation("currency", "must not be blank"),
                new FieldViolation("lines", "must not be empty"));
    }

    @Test
    void namesEveryTextFieldThatPostgresqlCouldNotStoreAsSent() {
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-\u0000", null, "EUR", List.of(line("SKU\ud800", 1, "1")))),
                new FieldViolation("customerId", io.relaybox.problem.StorableText.MESSAGE),
                new FieldViolation("lines[0].sku", io.relaybox.problem.StorableText.MESSAGE));
        assertViolations(() -> validator.cancellationReason(new CancelOrderRequest("too late\u0000")),
                new FieldViolation("reason", io.relaybox.problem.StorableText.MESSAGE));
    }

    @Test
    void rejectsOrderWithoutLines() {
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR", List.of())),
                new FieldViolation("lines", "must not be empty"));
    }

    @Test
    void namesTheFieldsOfAnIncompleteLine() {
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR",
                        List.of(line("SKU-1", 1, "1"), new PlaceOrderRequest.Line(" ", null, null)))),
                new FieldViolation("lines[1].sku", "must not be blank"),
                new FieldViolation("lines[1].quantity", "must not be null"),
                new FieldViolation("lines[1].unitPrice", "must not be null"));
    }

    @Test
    void rejectsANullLine() {
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR",
                        Collections.singletonList(null))),
                new FieldViolation("lines[0]", "must not be null"));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, -1 })
    void rejectsOrderWithNonPositiveQuantity(int quantity) {
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR", List.of(line("SKU-1", quantity, "1")))),
                new FieldViolation("lines[0].quantity", "must be greater than 0"));
    }

    @Test
    void rejectsOrderWithHugeQuantity() {
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR", List.of(line("SKU-1", 10_001, "1")))),
                new FieldViolation("lines[0].quantity", "must be less than or equal to 10000"));
    }

    @Test
    void rejectsOrderWithNegativePrice() {
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR", List.of(line("SKU-1", 1, "-0.01")))),
                new FieldViolation("lines[0].unitPrice", "must be greater than or equal to 0"));
    }

    @Test
    void rejectsPriceWithMoreDecimalsThanItsCurrencyHas() {
        // every currency's rule is MoneyRulesTest's; here: the line's price is checked against the order's currency
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-1", null, "JPY", List.of(line("SKU-1", 1, "1"), line("SKU-1", 1, "1.5")))),
                new FieldViolation("lines[1].unitPrice", "must have at most 0 decimal places in JPY"));
    }

    @Test
    void rejectsAnOrderWhoseTotalThePaymentServiceWouldNeverCapture() {
        PlaceOrderRequest.Line[] lines = new PlaceOrderRequest.Line[11];
        Arrays.fill(lines, line("SKU-1", 10_000, "999999999.99"));

        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR", List.of(lines))),
                new FieldViolation("lines", "the order's total must be less than 100000000000"));
    }

    @Test
    void acceptsTrailingZerosBeyondTheCurrencysDecimalsAndDinarsToTheFils() {
        assertThat(validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR", List.of(line("SKU-1", 1, "1.500")))).lines()).hasSize(1);
        assertThat(validator.placeOrder(new PlaceOrderRequest("c-1", null, "JPY", List.of(line("SKU-1", 1, "1500.00")))).lines()).hasSize(1);
        assertThat(validator.placeOrder(new PlaceOrderRequest("c-1", null, "KWD", List.of(line("SKU-1", 1, "1.255")))).lines()).hasSize(1);
    }

    @Test
    void rejectsPriceOfABillionOrMore() {
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR", List.of(line("SKU-1", 1, "1000000000")))),
                new FieldViolation("lines[0].unitPrice", "must be less than 1000000000"));
    }

    @Test
    void rejectsACurrencyThatIsNoneOrHasNoMinorUnitsWithoutCheckingPricesAgainstIt() {
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-1", null, "EURO", List.of(line("SKU-1", 1, "1.001")))),
                new FieldViolation("currency", "must be an ISO 4217 currency code, e.g. EUR"));
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-1", null, "XAU", List.of(line("SKU-1", 1, "1")))),
                new FieldViolation("currency", "must be a currency with minor units, e.g. EUR (not a metal or fund code)"));
    }

    @Test
    void rejectsMoreThanAThousandLines() {
        PlaceOrderRequest.Line[] lines = new PlaceOrderRequest.Line[1_001];
        Arrays.fill(lines, line("SKU-1", 1, "1"));

        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR", List.of(lines))),
                new FieldViolation("lines", "size must be at most 1000"));
    }

    @Test
    void acceptsAThousandLinesAndTheSameSkuOnSeveralLines() {
        PlaceOrderRequest.Line[] lines = new PlaceOrderRequest.Line[1_000];
        Arrays.fill(lines, line("SKU-1", 1, "1"));

        assertThat(validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR", List.of(lines))).lines()).hasSize(1_000);
    }

    @Test
    void rejectsAnInvalidIdempotencyKeyWithTheBodysViolations() {
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR", List.of()), "key\u00e9"),
                new FieldViolation("Idempotency-Key", "must be printable ASCII characters"),
                new FieldViolation("lines", "must not be empty"));
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR", List.of(line("SKU-1", 1, "1"))), " "),
                new FieldViolation("Idempotency-Key", "must not be blank"));
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR", List.of(line("SKU-1", 1, "1"))), "k".repeat(256)),
                new FieldViolation("Idempotency-Key", "size must be at most 255"));
        assertThat(validator.placeOrder(new PlaceOrderRequest("c-1", null, "EUR", List.of(line("SKU-1", 1, "1"))), "k".repeat(255)))
                .isNotNull();
    }

    @Test
    void rejectsOverlongCustomerId() {
        assertViolations(() -> validator.placeOrder(new PlaceOrderRequest("c".repeat(101), null, "EUR", List.of(line("SKU-1", 1, "1")))),
                new FieldViolation("customerId", "size must be at most 100"));
    }

    @Test
    void acceptsAMissingCancellationReason() {
        assertThat(validator.cancellationReason(null)).isNull();
        assertThat(validator.cancellationReason(new CancelOrderRequest(null))).isNull();
        assertThat(validator.cancellationReason(new CancelOrderRequest("changed my mind"))).isEqualTo("changed my mind");
    }

    @Test
    void rejectsABlankOrOverlongCancellationReason() {
        assertViolations(() -> validator.cancellationReason(new CancelOrderRequest(" ")),
                new FieldViolation("reason", "must not be blank"));
        assertViolations(() -> validator.cancellationReason(new CancelOrderRequest("x".repeat(501))),
                new FieldViolation("reason", "size must be at most 500"));
    }

    private static PlaceOrderRequest.Line line(String sku, Integer quantity, String unitPrice) {
        return new PlaceOrderRequest.Line(sku, quantity, new BigDecimal(unitPrice));
    }

    private static void assertViolations(ThrowingCallable call, FieldViolation... expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.violations()).containsExactly(expected));
    }
}
