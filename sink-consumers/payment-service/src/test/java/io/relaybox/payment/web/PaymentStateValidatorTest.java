package io.relaybox.payment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.relaybox.payment.FailureReason;
import io.relaybox.payment.PaymentState;
import io.relaybox.payment.PaymentStatus;
import io.relaybox.payment.TransferredAccount;
import io.relaybox.payment.TransferredPayment;
import io.relaybox.payment.web.PaymentStateRequest.AccountRow;
import io.relaybox.payment.web.PaymentStateRequest.PaymentRow;
import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.InvalidRequestException;

class PaymentStateValidatorTest {

    private static final UUID ORDER = UUID.fromString("01a21234-0a4b-7000-8000-000000000001");
    private static final UUID OTHER = UUID.fromString("01a21234-0a4b-7000-8000-000000000002");

    private final PaymentStateValidator validator = new PaymentStateValidator();

    @Test
    void acceptsAStateAndScalesEveryAmountToItsCurrency() {
        PaymentState state = validator.state(new PaymentStateRequest(
                List.of(new AccountRow("customer-001", "EUR", new BigDecimal("400"), new BigDecimal("400.0")),
                        new AccountRow("customer-001", "JPY", new BigDecimal("60000.00"), new BigDecimal("60000")),
                        new AccountRow("customer-002", "KWD", new BigDecimal("1.25"), new BigDecimal("120"))),
                List.of(new PaymentRow(ORDER, "CAPTURED", "customer-001", "EUR", new BigDecimal("12.5"), null),
                        new PaymentRow(OTHER, "FAILED", "customer-190", "USD", new BigDecimal("3"), "UNKNOWN_CUSTOMER"))));

        assertThat(state.accounts()).containsExactly(
                new TransferredAccount("customer-001", "EUR", new BigDecimal("400.00"), new BigDecimal("400.00")),
                new TransferredAccount("customer-001", "JPY", new BigDecimal("60000"), new BigDecimal("60000")),
                new TransferredAccount("customer-002", "KWD", new BigDecimal("1.250"), new BigDecimal("120.000")));
        assertThat(state.payments()).containsExactly(
                new TransferredPayment(ORDER, PaymentStatus.CAPTURED, "customer-001", "EUR", new BigDecimal("12.50"), null),
                new TransferredPayment(OTHER, PaymentStatus.FAILED, "customer-190", "USD", new BigDecimal("3.00"),
                        FailureReason.UNKNOWN_CUSTOMER));
    }

    @Test
    void acceptsRefundedAndCancelledPayments() {
        PaymentState state = validator.state(new PaymentStateRequest(List.of(), List.of(
                new PaymentRow(ORDER, "REFUNDED", "customer-001", "CHF", new BigDecimal("1.00"), null),
                new PaymentRow(OTHER, "CANCELLED", null, null, null, null))));

        assertThat(state.payments()).containsExactly(
                new TransferredPayment(ORDER, PaymentStatus.REFUNDED, "customer-001", "CHF", new BigDecimal("1.00"), null),
                new TransferredPayment(OTHER, PaymentStatus.CANCELLED, null, null, null, null));
    }

    @Test
    void refusesAMissingBodyOrMissingLists() {
        assertViolations(null, new FieldViolation("body", "must not be empty"));
        assertViolations(new PaymentStateRequest(null, null), new FieldViolation("accounts", "must not be null"),
                new FieldViolation("payments", "must not be null"));
    }

    @Test
    void namesEveryInvalidAccountFieldByItsPath() {
        assertViolations(new PaymentStateRequest(Arrays.asList(
                new AccountRow(null, "EURO", null, new BigDecimal("-1")),
                null,
                new AccountRow("customer-001", "EUR", new BigDecimal("1.005"), new BigDecimal("100000000000")),
                new AccountRow("customer-001", "XAU", BigDecimal.ONE, BigDecimal.ONE)), List.of()),
                new FieldViolation("accounts[0].customerId", "must not be blank"),
                new FieldViolation("accounts[0].currency", "must be an ISO 4217 currency code, e.g. EUR"),
                new FieldViolation("accounts[0].balance", "must not be null"),
                new FieldViolation("accounts[0].initial", "must be greater than or equal to 0"),
                new FieldViolation("accounts[1]", "must not be null"),
                new FieldViolation("accounts[2].balance", "must have at most 2 decimal places in EUR"),
                new FieldViolation("accounts[2].initial", "must be less than 100000000000"),
                new FieldViolation("accounts[3].currency",
                        "must be a currency with minor units, e.g. EUR (not a metal or fund code)"));
    }

    @Test
    void refusesAnAccountGivenTwice() {
        assertViolations(new PaymentStateRequest(List.of(new AccountRow("customer-001", "EUR", BigDecimal.ONE, BigDecimal.ONE),
                new AccountRow("customer-001", "USD", BigDecimal.ONE, BigDecimal.ONE),
                new AccountRow("customer-001", "EUR", BigDecimal.TEN, BigDecimal.TEN)), List.of()),
                new FieldViolation("accounts[2]", "must be unique by customerId and currency"));
    }

    @Test
    void refusesAnUnknownStatusAndDecidingNamingTheField() {
        assertViolations(new PaymentStateRequest(List.of(), List.of(
                new PaymentRow(ORDER, "DECIDING", "customer-001", "EUR", BigDecimal.ONE, null),
                new PaymentRow(OTHER, "PAID", "customer-001", "EUR", BigDecimal.ONE, null),
                new PaymentRow(UUID.randomUUID(), " ", "customer-001", "EUR", BigDecimal.ONE, null))),
                new FieldViolation("payments[0].status", "must not be DECIDING: only decided payments are transferred"),
                new FieldViolation("payments[1].status", "must be one of CAPTURED, FAILED, REFUNDED, CANCELLED"),
                new FieldViolation("payments[2].status", "must not be blank"));
    }

    @Test
    void refusesAMissingOrRepeatedOrderId() {
        assertViolations(new PaymentStateRequest(List.of(), Arrays.asList(
                new PaymentRow(null, "CANCELLED", null, null, null, null),
                new PaymentRow(ORDER, "CANCELLED", null, null, null, null),
                new PaymentRow(ORDER, "CANCELLED", null, null, null, null), null)),
                new FieldViolation("payments[0].orderId", "must not be null"),
                new FieldViolation("payments[2].orderId", "must be unique"),
                new FieldViolation("payments[3]", "must not be null"));
    }

    @Test
    void requiresTheChargeOfAPaymentThatIsNotCancelledUnderTheCapturesRules() {
        assertViolations(new PaymentStateRequest(List.of(), List.of(
                new PaymentRow(ORDER, "CAPTURED", null, null, null, null),
                new PaymentRow(OTHER, "REFUNDED", "customer-001", "JPY", new BigDecimal("1500.5"), null))),
                new FieldViolation("payments[0].customerId", "must not be blank"),
                new FieldViolation("payments[0].currency", "must not be blank"),
                new FieldViolation("payments[0].amount", "must not be null"),
                new FieldViolation("payments[1].amount", "must have at most 0 decimal places in JPY"));
    }

    @Test
    void refusesAChargeOrReasonOnACancelledPayment() {
        assertViolations(new PaymentStateRequest(List.of(), List.of(
                new PaymentRow(ORDER, "CANCELLED", "customer-001", "EUR", BigDecimal.ONE, "INSUFFICIENT_FUNDS"))),
                new FieldViolation("payments[0].customerId", "must be null when the status is CANCELLED"),
                new FieldViolation("payments[0].currency", "must be null when the status is CANCELLED"),
                new FieldViolation("payments[0].amount", "must be null when the status is CANCELLED"),
                new FieldViolation("payments[0].failureReason", "must be null unless the status is FAILED"));
    }

    @Test
    void requiresAKnownReasonExactlyWhenThePaymentFailed() {
        assertViolations(new PaymentStateRequest(List.of(), List.of(
                new PaymentRow(ORDER, "FAILED", "customer-001", "EUR", BigDecimal.ONE, null),
                new PaymentRow(OTHER, "FAILED", "customer-001", "EUR", BigDecimal.ONE, "CARD_DECLINED"),
                new PaymentRow(UUID.randomUUID(), "CAPTURED", "customer-001", "EUR", BigDecimal.ONE, "INSUFFICIENT_FUNDS"))),
                new FieldViolation("payments[0].failureReason", "must not be blank when the status is FAILED"),
                new FieldViolation("payments[1].failureReason", "must be one of INSUFFICIENT_FUNDS, UNKNOWN_CUSTOMER"),
                new FieldViolation("payments[2].failureReason", "must be null unless the status is FAILED"));
    }

    private void assertViolations(PaymentStateRequest request, FieldViolation... expected) {
        assertThatThrownBy(() -> validator.state(request)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.violations()).containsExactly(expected));
    }
}
