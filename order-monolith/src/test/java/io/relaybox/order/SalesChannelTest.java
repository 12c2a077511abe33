package io.relaybox.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.relaybox.contracts.EventSchemas;
import io.relaybox.contracts.EventType;

class SalesChannelTest {

    @Test
    void namesExactlyTheChannelsTheCurrentOrderEventsAllow() {
        var allowed = EventSchemas.tree(EventType.ORDER_PLACED.typeName(), EventType.ORDER_PLACED.currentVersion())
                .path("properties").path("salesChannel").path("enum").values().stream().map(value -> value.asString()).toList();

        assertThat(Arrays.stream(SalesChannel.values()).map(Enum::name)).containsExactlyElementsOf(allowed);
    }
}
