package io.relaybox.verification.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * The fields of an order that both the monolith's database and the Elasticsearch {@code orders} index hold (the index
 * document is the payload of the order's latest event: the order's whole state), as text that compares equal when the
 * values are equal: status, customer, currency, total and the lines. Not what inventory and payment reported: the saga
 * records a report that arrives after the order ended (a capture, then its refund, after the order was cancelled) in
 * the database without publishing an event, so the index keeps the reports its last event carried.
 *
 * @param fields field name → canonical text ({@code null} when absent)
 */
record OrderFields(Map<String, String> fields) {

    /** The fields compared, in the order differences are named. */
    static final List<String> NAMES = List.of("status", "customerId", "currency", "total", "lines");

    /** From the columns of {@code orders} and the {@code order_line}s (as {@code "SKU x2"}, in line order). */
    static OrderFields ofRow(String status, String customerId, String currency, BigDecimal total, List<String> lines) {
        return of(status, customerId, currency, total == null ? null : decimal(total), String.join(", ", lines));
    }

    /** From an {@code orders} index document's {@code _source}. */
    static OrderFields ofDocument(JsonNode source) {
        List<String> lines = new ArrayList<>();
        source.path("lines").forEach(line -> lines.add(line.path("sku").asString() + " x" + line.path("quantity").asInt()));
        JsonNode total = source.path("total");
        return of(text(source, "status"), text(source, "customerId"), text(source, "currency"),
                total.isNumber() ? decimal(total.decimalValue()) : total.isString() ? decimal(new BigDecimal(total.asString())) : null, String.join(", ", lines));
    }

    /** The fields that differ, each as {@code name: <this> here, <other> there}; empty when equal. */
    List<String> differences(OrderFields other, String here, String there) {
        List<String> differences = new ArrayList<>();
        for (String name : NAMES) {
            if (!Objects.equals(fields.get(name), other.fields.get(name))) {
                differences.add(name + " " + fields.get(name) + " " + here + ", " + other.fields.get(name) + " " + there);
            }
        }
        return differences;
    }

    private static OrderFields of(String... values) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            fields.put(NAMES.get(i), values[i] == null || values[i].isEmpty() ? null : values[i].trim());
        }
        return new OrderFields(java.util.Collections.unmodifiableMap(fields));
    }

    private static String text(JsonNode source, String field) {
        JsonNode value = source.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static String decimal(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
