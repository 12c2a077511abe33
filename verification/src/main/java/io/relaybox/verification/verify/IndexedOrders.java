package io.relaybox.verification.verify;

import java.io.IOException;
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
import io.relaybox.verification.audit.SearchedEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares the Elasticsearch {@code orders} index (one document per order, the state its latest event carried) with
 * the monolith's database, order by order, on the fields both hold ({@link OrderFields}).
 */
final class IndexedOrders {

    static final String INDEX = "orders";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Documents per request: below Elasticsearch's result window of 10,000. */
    private static final int CHUNK = 5_000;

    private final PlatformDatabases databases;
    private final SearchedEvents search;

    IndexedOrders(PlatformDatabases databases, SearchedEvents search) {
        this.databases = databases;
        this.search = search;
    }

    /** Every order whose index document is missing or differs from the database, in words; empty when all agree. */
    List<String> differences(Set<String> orderIds) throws SQLException, IOException, InterruptedException {
        Map<String, OrderFields> database = fromDatabase(orderIds);
        Map<String, OrderFields> index = fromIndex(orderIds);
        List<String> missing = new ArrayList<>();
        List<String> different = new ArrayList<>();
        for (String id : orderIds.stream().sorted().toList()) {
            OrderFields stored = database.get(id);
            OrderFields indexed = index.get(id);
            if (stored == null) {
                continue; // an acknowledged order missing from the database is reported by the order check
            }
            if (indexed == null) {
                missing.add(id);
            } else {
                List<String> fields = stored.differences(indexed, "in the database", "in the index");
                if (!fields.isEmpty()) {
                    different.add(id + " (" + String.join("; ", fields) + ")");
                }
            }
        }
        List<String> violations = new ArrayList<>();
        if (!missing.isEmpty()) {
            violations.add("the orders index lacks " + missing.size() + " orders: " + SinkFinding.named(missing));
        }
        if (!different.isEmpty()) {
            violations.add("the orders index differs from the monolith's database for " + different.size() + " orders: "
                    + SinkFinding.named(different));
        }
        return violations;
    }

    private Map<String, OrderFields> fromDatabase(Set<String> orderIds) throws SQLException {
        Map<String, OrderFields> orders = new HashMap<>();
        try (Connection connection = databases.connect("orders");
                PreparedStatement query = connection.prepareStatement("SELECT o.id::text, o.status, o.customer_id, o.currency, o.total,"
                        + " array(SELECT l.sku || ' x' || l.quantity FROM order_line l"
                        + " WHERE l.order_id = o.id ORDER BY l.line_no)::text[] FROM orders o WHERE o.id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", orderIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    orders.put(rows.getString(1), OrderFields.ofRow(rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getBigDecimal(5), List.of((String[]) rows.getArray(6).getArray())));
                }
            }
        }
        return orders;
    }

    private Map<String, OrderFields> fromIndex(Set<String> orderIds) throws IOException, InterruptedException {
        search.send("/" + INDEX + "/_refresh?ignore_unavailable=true", null);
        List<String> ids = new ArrayList<>(orderIds);
        Map<String, OrderFields> orders = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            ObjectNode body = JSON.createObjectNode();
            body.put("size", chunk.size());
            ArrayNode values = body.putObject("query").putObject("ids").putArray("values");
            chunk.forEach(values::add);
            JsonNode hits = JSON.readTree(search.send("/" + INDEX + "/_search?ignore_unavailable=true", body.toString()))
                    .path("hits").path("hits");
            hits.forEach(hit -> orders.put(hit.path("_id").asString(), OrderFields.ofDocument(hit.path("_source"))));
        }
        return orders;
    }
}
