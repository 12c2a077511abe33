package io.relaybox.platform;

import java.net.URI;

/**
 * One process Prometheus scrapes.
 *
 * @param job what kind of process, e.g. {@code inventory-service} or {@code kafka}
 * @param instance which one, e.g. {@code inventory-service-2}
 * @param url its metrics endpoint, e.g. {@code http://127.0.0.1:18092/actuator/prometheus}
 */
public record ScrapeTarget(String job, String instance, String url) {

    /** {@code host:port} of the URL. */
    String address() {
        URI uri = URI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }

    /** The URL's path, e.g. {@code /metrics}. */
    String path() {
        return URI.create(url).getPath();
    }
}
