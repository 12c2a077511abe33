package io.relaybox.order.migration;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.relaybox.order.Capability;

/**
 * The extracted services' state, over their HTTP API ({@code GET} and {@code PUT /migration/state}), for the back-fills
 * of a mode switch: the first instance ({@link ServiceUrls}) that answers serves the request.
 */
@Component
public class ServiceStates {

    private final List<URI> inventory;
    private final List<URI> payment;
    private final RestClient client;

    ServiceStates(ServiceUrls urls, @Value("${relaybox.migration.backfill-timeout:60s}") Duration timeout) {
        this.inventory = urls.of(Capability.INVENTORY);
        this.payment = urls.of(Capability.PAYMENT);
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).build());
        requests.setReadTimeout(timeout);
        this.client = RestClient.builder().requestFactory(requests).build();
    }

    public InventoryState inventory() {
        return call(Capability.INVENTORY, inventory, base -> client.get().uri(base.resolve("/migration/state")).retrieve()
                .body(InventoryState.class));
    }

    public PaymentState payment() {
        return call(Capability.PAYMENT, payment, base -> client.get().uri(base.resolve("/migration/state")).retrieve()
                .body(PaymentState.class));
    }

    public void replaceInventory(InventoryState state) {
        call(Capability.INVENTORY, inventory, base -> client.put().uri(base.resolve("/migration/state"))
                .contentType(MediaType.APPLICATION_JSON).body(state).retrieve().toBodilessEntity());
    }

    public void replacePayment(PaymentState state) {
        call(Capability.PAYMENT, payment, base -> client.put().uri(base.resolve("/migration/state"))
                .contentType(MediaType.APPLICATION_JSON).body(state).retrieve().toBodilessEntity());
    }

    private interface Call<T> {
        T on(URI base);
    }

    private static <T> T call(Capability capability, List<URI> instances, Call<T> call) {
        List<String> failures = new ArrayList<>();
        for (URI base : instances) {
            try {
                return call.on(base);
            } catch (RestClientException e) {
                failures.add(base + ": " + e.getMessage());
            }
        }
        throw new ServiceUnavailableException(capability.wireName() + "-service did not take the back-fill: " + String.join("; ", failures));
    }
}
