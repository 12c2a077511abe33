package io.relaybox.service.contract;

/**
 * A POST to a service.
 *
 * @param path e.g. {@code /reservations/0192…}
 * @param body the JSON body, or null for none
 */
public record HttpCall(String path, String body) {
}
