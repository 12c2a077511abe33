package io.relaybox.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EmailTemplatesTest {

    private static final UUID ORDER_ID = UUID.fromString("0190d1c2-7a3b-7c4d-8e5f-0000000000aa");
    private static final Recipient ANNA = new Recipient("anna@example.org", "Anna", false);

    private static OrderSummary order(String reason) {
        return new OrderSummary(ORDER_ID, "customer-001", "EUR",
                List.of(new OrderSummary.Line("SKU-APPLE", 2, new BigDecimal("1.25"), new BigDecimal("2.50")),
                        new OrderSummary.Line("SKU-BREAD", 1, new BigDecimal("3.10"), new BigDecimal("3.10"))),
                new BigDecimal("5.60"), reason);
    }

    @Test
    void confirmationGreetsTheCustomerAndListsEveryLineAndTheTotal() {
        ComposedEmail email = EmailTemplates.compose("OrderConfirmed", order(null), ANNA);

        assertThat(email.subject()).isEqualTo("Your order " + ORDER_ID + " is confirmed");
        assertThat(email.body()).startsWith("Hello Anna,").contains("is confirmed")
                .containsPattern("2 x SKU-APPLE +2.50 EUR").containsPattern("1 x SKU-BREAD +3.10 EUR")
                .containsPattern("Total +5.60 EUR");
    }

    @Test
    void cancellationSaysWhy() {
        ComposedEmail email = EmailTemplates.compose("OrderCancelled", order("payment failed: INSUFFICIENT_FUNDS"),
                ANNA);

        assertThat(email.subject()).isEqualTo("Your order " + ORDER_ID + " was cancelled");
        assertThat(email.body()).contains("has been cancelled: payment failed: INSUFFICIENT_FUNDS.")
                .containsPattern("Total +5.60 EUR");
    }

    @Test
    void cancellationWithoutAReasonSaysSo() {
        assertThat(EmailTemplates.compose("OrderCancelled", order(" "), ANNA).body())
                .contains("has been cancelled: no reason was given.");
    }

    @Test
    void hasNoTemplateForAnOrderPlaced() {
        assertThatThrownBy(() -> EmailTemplates.compose("OrderPlaced", order(null), ANNA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OrderPlaced");
    }
}
