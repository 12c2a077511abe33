package io.relaybox.verification.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.relaybox.verification.audit.PlatformDatabases;

/**
 * What became of the orders the monolith acknowledged with 201: each must be in its database (an acknowledged order is
 * never lost, whatever crashed) and have ended CONFIRMED or CANCELLED.
 */
final class OrderOutcomes {

    private final PlatformDatabases databases;

    OrderOutcomes(PlatformDatabases databases) {
        this.databases = databases;
    }

    /** The acknowledged orders missing from the database and those not terminal, in words; empty when none. */
    List<String> violations(Set<String> acknowledged) throws SQLException {
        Map<String, String> statuses = statuses(acknowledged);
        List<String> missing = acknowledged.stream().filter(id -> !statuses.containsKey(id)).sorted().toList();
        List<String> open = statuses.entrySet().stream().filter(e -> !"CONFIRMED".equals(e.getValue()) && !"CANCELLED".equals(e.getValue()))
                .map(e -> e.getKey() + " " + e.getValue()).sorted().toList();
        List<String> violations = new ArrayList<>();
        if (!missing.isEmpty()) {
            violations.add(missing.size() + " acknowledged orders are not in the monolith's database: " + SinkFinding.named(missing));
        }
        if (!open.isEmpty()) {
            violations.add(open.size() + " acknowledged orders did not end CONFIRMED or CANCELLED: " + SinkFinding.named(open));
        }
        return violations;
    }

    private Map<String, String> statuses(Set<String> orderIds) throws SQLException {
        Map<String, String> statuses = new HashMap<>();
        try (Connection orders = databases.connect("orders");
                PreparedStatement query = orders.prepareStatement("SELECT id::text, status FROM orders WHERE id = ANY (?)")) {
            query.setArray(1, orders.createArrayOf("uuid", orderIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statuses.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return statuses;
    }
}
