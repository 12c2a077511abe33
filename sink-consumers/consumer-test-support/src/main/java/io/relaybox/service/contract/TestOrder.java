package io.relaybox.service.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.relaybox.testkit.TestRecordTime;

/**
 * An order as the monolith's events carry it ({@code io.relaybox.order.Order}): the payload of {@code OrderPlaced}
 * and {@code OrderCancelled}.
 *
 * @param orderId the order id, also the record key
 * @param customerId who orders
 * @param currency ISO 4217 code
 * @param lines what is ordered, SKUs possibly repeated
 */
public record TestOrder(UUID orderId, String customerId, String currency, List<Line> lines) {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Instant PLACED_AT = TestRecordTime.base();

    public TestOrder {
        lines = List.copyOf(lines);
    }

    /**
     * One line.
     *
     * @param sku the product
     * @param quantity how many
     * @param unitPrice price of one, scale 2
     */
    public record Line(String sku, int quantity, BigDecimal unitPrice) {

        BigDecimal lineTotal() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2);
        }
    }

    /** A line at a price written as text, e.g. {@code "1.25"}. */
    public static Line line(String sku, int quantity, String unitPrice) {
        return new Line(sku, quantity, new BigDecimal(unitPrice));
    }

    /** The sum of the line totals, scale 2. */
    public BigDecimal total() {
        return lines.stream().map(Line::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    /** The units of all lines. */
    public int units() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    /** The payload of {@code OrderPlaced}: status PENDING. */
    public String placedJson() {
        return order("PENDING").toString();
    }

    /** The payload of {@code OrderConfirmed}: status CONFIRMED, with the time. */
    public String confirmedJson() {
        ObjectNode order = order("CONFIRMED");
        order.put("inventoryStatus", "RESERVED");
        order.put("paymentStatus", "CAPTURED");
        order.put("confirmedAt", PLACED_AT.plusSeconds(1).toString());
        return order.toString();
    }

    /** The payload of {@code OrderCancelled}: status CANCELLED, with the time and reason. */
    public String cancelledJson() {
        ObjectNode order = order("CANCELLED");
        order.put("cancelledAt", PLACED_AT.plusSeconds(1).toString());
        order.put("cancellationReason", "cancelled by the contract test");
        return order.toString();
    }

    private ObjectNode order(String status) {
        ObjectNode order = JSON.createObjectNode();
        order.put("orderId", orderId.toString());
        order.put("customerId", customerId);
        order.put("currency", currency);
        order.put("status", status);
        ArrayNode lineArray = order.putArray("lines");
        for (Line line : lines) {
            lineArray.addObject().put("sku", line.sku()).put("quantity", line.quantity())
                    .put("unitPrice", line.unitPrice()).put("lineTotal", line.lineTotal());
        }
        order.put("total", total());
        order.put("placedAt", PLACED_AT.toString());
        return order;
    }
}
