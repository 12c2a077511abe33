package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.contracts.EventSchemas;
import io.relaybox.contracts.EventType;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.verification.audit.OutboxSlots;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schemas say what the services really publish: after the other verification tests ran on the shared platform
 * (orders of every outcome, cancellations, faults, yen and dinars), every outbox row any service committed (the module
 * retains them) has a type the contracts know, a schema for its version, and a payload valid against it; and every
 * event type was published at least once, so no schema goes unchecked.
 */
@Order(105)
@ExtendWith(SharedPlatform.class)
class EventContractsIT {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void everyCommittedEventIsValidAgainstTheSchemaOfItsTypeAndVersion(LocalPlatform platform) {
        ServiceDatabases databases = new ServiceDatabases(platform);
        Map<String, Integer> seen = new TreeMap<>();
        Map<String, Integer> versions = new TreeMap<>();
        List<String> invalid = new ArrayList<>();
        for (String database : OutboxSlots.OUTBOXES.stream().map(OutboxSlots.Outbox::database).distinct().toList()) {
            Map<String, String> rows = databases.rows(database,
                    "SELECT id::text, type || ' ' || schemaversion || ' ' || payload::text FROM outbox_event");
            rows.forEach((id, row) -> {
                String[] parts = row.split(" ", 3);
                String type = parts[0];
                int version = Integer.parseInt(parts[1]);
                seen.merge(type, 1, Integer::sum);
                versions.merge(type + " v" + version, 1, Integer::sum);
                if (EventType.of(type).isEmpty() || !EventSchemas.exists(type, version)) {
                    invalid.add(database + " " + id + ": " + type + " v" + version + " has no schema");
                    return;
                }
                List<String> violations = EventSchemas.violations(type, version, JSON.readTree(parts[2]));
                if (!violations.isEmpty() && invalid.size() < 20) {
                    invalid.add(database + " " + id + ": " + type + " v" + version + " " + violations + " in " + parts[2]);
                }
            });
        }

        System.out.printf("event contracts: %s%n", versions);
        assertThat(invalid).as("committed events that break their contract").isEmpty();
        assertThat(seen.keySet()).as("event types published during the verification tests")
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(EventType.values()).map(EventType::typeName).toList());
        // the platform's monolith rolls the order events' v2 out to half the orders: both versions flowed side by side
        assertThat(versions).as("versions of the order events").containsKeys("OrderPlaced v1", "OrderPlaced v2", "OrderConfirmed v1",
                "OrderConfirmed v2", "OrderCancelled v1", "OrderCancelled v2");
    }
}
