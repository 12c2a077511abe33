/** Payments: a balance per customer and currency, one payment per order, captured and refunded at most once. */
package io.relaybox.payment;
