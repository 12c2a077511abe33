package io.relaybox.order;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a request to place an order asked for, as a SHA-256 hex digest of the validated command: equal for requests
 * that ask for the same order however their JSON was written (spacing, key order, {@code 10.5} or {@code 10.50}).
 */
final class OrderRequestFingerprint {

    private OrderRequestFingerprint() {
    }

    static String of(PlaceOrder command) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, command.customerId());
        field(canonical, command.salesChannel().name());
        field(canonical, command.currency().getCurrencyCode());
        for (PlaceOrder.Line line : command.lines()) {
            field(canonical, line.sku());
            field(canonical, Integer.toString(line.quantity()));
            field(canonical, plain(line.unitPrice()));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    // length-prefixed, so that no two different commands give the same text
    private static void field(StringBuilder canonical, String value) {
        canonical.append(value.length()).append(':').append(value);
    }

    private static String plain(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }
}
