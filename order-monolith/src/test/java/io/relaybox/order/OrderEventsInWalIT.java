package io.relaybox.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.relaybox.platform.PostgresEndpoint;
import io.relaybox.testkit.PostgresExtension;

/**
 * With the default cleanup the outbox table stays empty, while the write-ahead log (what Debezium reads) holds each
 * event's insert, committed with the order.
 */
@ExtendWith(PostgresExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "outbox.inbox.consumer-enabled=false")
@DirtiesContext
class OrderEventsInWalIT {

    private static final String DATABASE = "orders_wal_it";
    private static final String SLOT = "orders_wal_it";
    private static final String ORDER = """
            {"customerId": "c-7", "currency": "USD", "lines": [{"sku": "SKU-9", "quantity": 2, "unitPrice": 4.25}]}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        OrdersDatabase.register(DATABASE, registry);
    }

    @BeforeEach
    void createSlot() {
        server().execute(DATABASE, "SELECT pg_create_logical_replication_slot('" + SLOT + "', 'test_decoding')");
    }

    @AfterEach
    void dropSlot() {
        server().execute(DATABASE, "SELECT pg_drop_replication_slot('" + SLOT + "')");
    }

    @Test
    void leavesTheOutboxTableEmptyWhileTheWalCarriesEachEvent() throws SQLException {
        HttpJson http = new HttpJson(port);
        String orderId = http.post("/orders", ORDER).json().get("orderId").asString();
        assertThat(http.post("/orders/" + orderId + "/cancel", null).status()).isEqualTo(200);

        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT status FROM orders WHERE id = ?::uuid").param(orderId).query(String.class).single())
                .isEqualTo("CANCELLED");
        List<String> inserts = decodedChanges().stream()
                .filter(change -> change.startsWith("table public.outbox_event: INSERT:"))
                .filter(change -> change.contains("aggregateid[text]:'" + orderId + "'"))
                .toList();
        assertThat(inserts).hasSize(2);
        assertThat(inserts.get(0)).contains("type[text]:'OrderPlaced'");
        assertThat(inserts.get(1)).contains("type[text]:'OrderCancelled'");
    }

    private static PostgresEndpoint server() {
        return PostgresExtension.endpoint();
    }

    private static List<String> decodedChanges() throws SQLException {
        try (Connection connection = server().connectAsSuperuser(DATABASE);
                PreparedStatement peek = connection.prepareStatement(
                        "SELECT data FROM pg_logical_slot_peek_changes(?, NULL, NULL)")) {
            peek.setString(1, SLOT);
            try (ResultSet rows = peek.executeQuery()) {
                List<String> changes = new ArrayList<>();
                while (rows.next()) {
                    changes.add(rows.getString(1));
                }
                return changes;
            }
        }
    }
}
