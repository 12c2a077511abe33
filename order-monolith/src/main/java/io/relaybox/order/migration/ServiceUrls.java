package io.relaybox.order.migration;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.relaybox.order.Capability;

/**
 * Where the extracted services answer: {@code relaybox.migration.inventory-urls} and {@code relaybox.migration.payment-urls}
 * list each service's instances as comma-separated base URLs (the local platform passes them).
 */
@Component
public class ServiceUrls {

    private final Map<Capability, List<URI>> instances = new EnumMap<>(Capability.class);

    ServiceUrls(@Value("${relaybox.migration.inventory-urls:http://127.0.0.1:8081}") String inventory,
            @Value("${relaybox.migration.payment-urls:http://127.0.0.1:8091}") String payment) {
        instances.put(Capability.INVENTORY, parse("relaybox.migration.inventory-urls", inventory));
        instances.put(Capability.PAYMENT, parse("relaybox.migration.payment-urls", payment));
    }

    /** The capability's service instances, at least one. */
    public List<URI> of(Capability capability) {
        return instances.get(capability);
    }

    private static List<URI> parse(String property, String list) {
        List<URI> uris = new ArrayList<>();
        for (String url : list.split(",")) {
            if (!url.isBlank()) {
                uris.add(URI.create(url.strip()));
            }
        }
        if (uris.isEmpty()) {
            throw new IllegalArgumentException(property + " names no instance");
        }
        return List.copyOf(uris);
    }
}
