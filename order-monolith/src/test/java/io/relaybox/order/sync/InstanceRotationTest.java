package io.relaybox.order.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InstanceRotationTest {

    private static final URI FIRST = URI.create("http://127.0.0.1:8081");
    private static final URI SECOND = URI.create("http://127.0.0.1:8082");

    @Test
    void startsEachCallOnTheNextInstance() {
        InstanceRotation rotation = new InstanceRotation(List.of(FIRST, SECOND));

        List<URI> firstAttempts = new ArrayList<>();
        for (int call = 0; call < 4; call++) {
            firstAttempts.add(rotation.call().instanceFor(0));
        }

        assertThat(firstAttempts).containsExactly(FIRST, SECOND, FIRST, SECOND);
    }

    @Test
    void sendsEachRetryOfACallToTheInstanceAfterTheOneItTried() {
        InstanceRotation rotation = new InstanceRotation(List.of(FIRST, SECOND));
        rotation.call();

        InstanceRotation.Call call = rotation.call();

        assertThat(List.of(call.instanceFor(0), call.instanceFor(1), call.instanceFor(2))).containsExactly(SECOND, FIRST, SECOND);
    }

    @Test
    void spreadsTwoServicesCalledInTurnOverAllTheirInstances() {
        // the monolith calls inventory, then payment, for every order: each service's calls alternate on their own
        InstanceRotation inventory = new InstanceRotation(List.of(FIRST, SECOND));
        InstanceRotation payment = new InstanceRotation(List.of(FIRST, SECOND));

        List<URI> inventoryCalls = new ArrayList<>();
        List<URI> paymentCalls = new ArrayList<>();
        for (int order = 0; order < 4; order++) {
            inventoryCalls.add(inventory.call().instanceFor(0));
            paymentCalls.add(payment.call().instanceFor(0));
        }

        assertThat(inventoryCalls).containsExactly(FIRST, SECOND, FIRST, SECOND);
        assertThat(paymentCalls).containsExactly(FIRST, SECOND, FIRST, SECOND);
    }

    @Test
    void refusesAServiceWithoutInstances() {
        assertThatThrownBy(() -> new InstanceRotation(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one instance");
    }
}
