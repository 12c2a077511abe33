package io.relaybox.verification.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class OrderFieldsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final OrderFields ROW = OrderFields.ofRow("CONFIRMED", "customer-007", "EUR", new BigDecimal("25.50"),
            List.of("SKU-APPLE x2", "SKU-BREAD x1"));

    @Test
    void agreesWithTheDocumentOfTheSameOrderWhateverTheNumbersLookLike() {
        OrderFields indexed = OrderFields.ofDocument(JSON.readTree("""
                {"orderId": "o1", "customerId": "customer-007", "currency": "EUR", "status": "CONFIRMED", "total": 25.5,
                 "lines": [{"sku": "SKU-APPLE", "quantity": 2, "unitPrice": 10.00}, {"sku": "SKU-BREAD", "quantity": 1}],
                 "inventoryStatus": "RESERVED", "paymentStatus": "CAPTURED"}"""));

        assertThat(ROW.differences(indexed, "in the database", "in the index")).isEmpty();
    }

    @Test
    void namesEveryFieldThatDiffers() {
        OrderFields indexed = OrderFields.ofDocument(JSON.readTree("""
                {"customerId": "customer-007", "currency": "EUR", "status": "PENDING", "total": 25.49,
                 "lines": [{"sku": "SKU-APPLE", "quantity": 2}]}"""));

        assertThat(ROW.differences(indexed, "in the database", "in the index")).containsExactly(
                "status CONFIRMED in the database, PENDING in the index",
                "total 25.5 in the database, 25.49 in the index",
                "lines SKU-APPLE x2, SKU-BREAD x1 in the database, SKU-APPLE x2 in the index");
    }

    @Test
    void ignoresTheReportsTheSagaRecordsAfterTheOrderEnded() {
        // a capture and its refund after the order was cancelled change the database, not the last event
        OrderFields indexed = OrderFields.ofDocument(JSON.readTree("""
                {"customerId": "customer-007", "currency": "EUR", "status": "CONFIRMED", "total": "25.50",
                 "lines": [{"sku": "SKU-APPLE", "quantity": 2}, {"sku": "SKU-BREAD", "quantity": 1}], "paymentStatus": "FAILED"}"""));

        assertThat(ROW.differences(indexed, "here", "there")).isEmpty();
    }
}
