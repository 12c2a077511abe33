package io.relaybox.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.relaybox.contracts.MigrationHeader.Mode;
import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.PermanentEventFailure;

class MigrationHeaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "monolith, MONOLITH, false", "sync, SYNC, false", "shadow, SHADOW, true", "events, EVENTS, true" })
    void readsEachModeByItsLowerCaseNameAndLetsTheServiceDecideInShadowAndEventsOnly(String value, Mode mode,
            boolean serviceDecides) {
        InboxEvent event = event(Map.of("relaybox.migration.inventory", value));

        assertThat(MigrationHeader.INVENTORY.mode(event)).isEqualTo(mode);
        assertThat(MigrationHeader.INVENTORY.mode(event).serviceDecides()).isEqualTo(serviceDecides);
        assertThat(MigrationHeader.INVENTORY.serviceDecides(event)).isEqualTo(serviceDecides);
    }

    @Test
    void readsAnEventWithoutTheHeaderAsDecidedByTheServiceAsBeforeTheModes() {
        InboxEvent event = event(Map.of());

        assertThat(MigrationHeader.INVENTORY.mode(event)).isEqualTo(Mode.EVENTS);
        assertThat(MigrationHeader.INVENTORY.serviceDecides(event)).isTrue();
    }

    @Test
    void readsOnlyTheInventorysHeaderNotPayments() {
        InboxEvent event = event(Map.of("relaybox.migration.payment", "monolith", "relaybox.migration.inventory", "events"));

        assertThat(MigrationHeader.INVENTORY.mode(event)).isEqualTo(Mode.EVENTS);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = { "legacy", "MONOLITH", "Shadow", " events", "" })
    void refusesAnUnknownValueAsAPermanentFailureNamingTheHeaderAndTheValue(String value) {
        InboxEvent event = event(Map.of("relaybox.migration.inventory", value));

        assertThatThrownBy(() -> MigrationHeader.INVENTORY.mode(event)).isInstanceOf(PermanentEventFailure.class)
                .hasMessageContaining("header relaybox.migration.inventory is \"" + value + "\"")
                .hasMessageContaining("expected one of monolith, sync, shadow, events")
                .hasMessageContaining(event.id().toString());
        assertThat(MigrationHeader.INVENTORY.serviceDecides(event)).as("the batch locks nothing for it").isFalse();
    }

    @Test
    void readsThePaymentsHeaderForPayment() {
        InboxEvent event = event(Map.of("relaybox.migration.payment", "monolith", "relaybox.migration.inventory", "events"));

        assertThat(MigrationHeader.PAYMENT.mode(event)).isEqualTo(Mode.MONOLITH);
        assertThat(MigrationHeader.PAYMENT.serviceDecides(event)).isFalse();
    }

    private static InboxEvent event(Map<String, String> headers) {
        return new InboxEvent(UUID.randomUUID(), "OrderPlaced", 2, UUID.randomUUID().toString(), null, null, headers, "{}");
    }
}
