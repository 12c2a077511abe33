package io.relaybox.payment.web;

import java.math.BigDecimal;

/**
 * The body of {@code POST /payments/{orderId}/capture} as sent; checked by {@link CaptureRequestValidator}.
 *
 * @param customerId whose account
 * @param currency ISO 4217 code
 * @param amount what to capture, at most 2 decimals
 */
record CaptureRequest(String customerId, String currency, BigDecimal amount) {
}
