package io.relaybox.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectRestException;
import io.relaybox.connectctl.PluginInfo;

/** The shared stack's Connect worker, as the process library starts it: plugins found by service loading, basic authentication. */
@ExtendWith(SharedInfrastructure.class)
class KafkaConnectIT {

    static TestStack stack;

    @BeforeAll
    static void useSharedStack(TestStack shared) {
        stack = shared;
    }

    @Test
    void findsDebeziumAndItsOutboxRouterThroughServiceLoading() {
        assertThat(stack.client().plugins(true)).extracting(PluginInfo::className)
                .contains("io.debezium.connector.postgresql.PostgresConnector", "io.debezium.transforms.outbox.EventRouter",
                        TestStack.FILE_SINK);
    }

    @Test
    void refusesRequestsWithoutTheRightPassword() {
        ConnectClient anonymous = ConnectClient.of(stack.connectUrl());
        ConnectClient wrongPassword = anonymous.withBasicAuth(TestStack.CONNECT_USER, "wrong");

        assertThatThrownBy(anonymous::connectors).isInstanceOf(ConnectRestException.class).hasMessageContaining("401");
        assertThatThrownBy(wrongPassword::connectors).isInstanceOf(ConnectRestException.class).hasMessageContaining("401");
        assertThatCode(stack.client()::connectors).doesNotThrowAnyException();
    }
}
