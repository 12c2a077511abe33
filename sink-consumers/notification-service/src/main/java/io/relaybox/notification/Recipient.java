package io.relaybox.notification;

/**
 * Where a customer's e-mail goes.
 *
 * @param address the e-mail address
 * @param name how the e-mail greets the customer
 * @param fallback whether the customer had no address on file and this is the fallback address
 */
record Recipient(String address, String name, boolean fallback) {
}
