package io.relaybox.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import io.relaybox.outbox.PayloadValidator;

class EventContractValidatorTest {

    private final PayloadValidator validator = new EventContractValidator();

    @Test
    void isFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(PayloadValidator.class).findFirst()).get().isInstanceOf(EventContractValidator.class);
    }

    @Test
    void refusesATypeOrVersionWithoutASchemaAndAPayloadThatIsNoJson() {
        assertThat(validator.violations("OrderShipped", 1, "{}")).singleElement().asString().contains("has no schema");
        assertThat(validator.violations("OrderPlaced", 99, "{}")).singleElement().asString().contains("schemas/OrderPlaced/v99.json");
        assertThat(validator.violations("OrderPlaced", 1, "{")).singleElement().asString().startsWith("the payload is not JSON");
    }

    @Test
    void passesAValidPayloadAndNamesTheFieldsOfAnInvalidOne() {
        String refunded = "{\"orderId\":\"01a248ee-b4d8-7014-92f2-ab0e54d0472c\",\"customerId\":\"c\",\"currency\":\"EUR\",\"amount\":1.50}";

        assertThat(validator.violations("PaymentRefunded", 1, refunded)).isEmpty();
        assertThat(validator.violations("PaymentRefunded", 1, refunded.replace("1.50", "-1"))).singleElement().asString().startsWith("/amount");
    }
}
