package io.relaybox.order.sync;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.relaybox.order.Capability;
import io.relaybox.order.Order;
import io.relaybox.order.OrderLine;
import io.relaybox.order.SagaReport;
import io.relaybox.order.migration.ServiceUrls;

/**
 * The monolith's calls to the extracted services in sync mode: {@code POST /reservations/{orderId}} on inventory-service,
 * {@code POST /payments/{orderId}/capture} on payment-service, both idempotent by order id (a repeated call answers the
 * recorded decision), each through a Resilience4j retry (bounded, with backoff, the next attempt on the next instance;
 * each service's instances in turn, see {@link InstanceRotation})
 * around a circuit breaker per service, with a timeout per call ({@link SyncSettings}). The services publish their
 * decision's event as on the event path, so the saga hears of it twice; the second changes nothing.
 */
@Component
@EnableConfigurationProperties(SyncSettings.class)
public class SyncCalls {

    private final Map<Capability, InstanceRotation> instances = new EnumMap<>(Capability.class);
    private final Map<Capability, CircuitBreaker> breakers = new EnumMap<>(Capability.class);
    private final Map<Capability, Retry> retries = new EnumMap<>(Capability.class);
    private final RestClient client;

    SyncCalls(SyncSettings settings, ServiceUrls urls) {
        for (Capability capability : Capability.values()) {
            instances.put(capability, new InstanceRotation(urls.of(capability)));
        }
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slowCallRateThreshold(settings.failureRateThreshold())
                .slowCallDurationThreshold(settings.timeout())
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(Math.min(10, settings.slidingWindow()))
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(3)
                // a 4xx (a request the service refuses) says nothing about the service's health
                .recordException(SyncCalls::isOutage)
                .build();
        RetryConfig retry = RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryWait(), 2))
                .retryOnException(SyncCalls::isOutage)
                .build();
        for (Capability capability : Capability.values()) {
            breakers.put(capability, CircuitBreaker.of(capability.wireName() + "-service", breaker));
            retries.put(capability, Retry.of(capability.wireName() + "-service", retry));
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(1)).build());
        requests.setReadTimeout(settings.timeout());
        this.client = RestClient.builder().requestFactory(requests).build();
    }

    /** Reserves the order's lines at inventory-service: RESERVED, or REJECTED with the short SKUs. */
    public SyncAnswer reserve(Order order) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            lines.merge(line.sku(), line.quantity(), Integer::sum);
        }
        Map<String, Object> body = Map.of("lines", lines.entrySet().stream().map(e -> Map.of("sku", e.getKey(), "quantity", e.getValue())).toList());
        Reservation reservation = call(Capability.INVENTORY, order.orderId(), base -> client.post()
                .uri(base.resolve("/reservations/" + order.orderId())).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Reservation.class));
        return switch (reservation.status()) {
            case "RESERVED" -> new SyncAnswer(SagaReport.INVENTORY_RESERVED, null);
            case "REJECTED" -> new SyncAnswer(SagaReport.INVENTORY_REJECTED, "inventory rejected the order: short of "
                    + String.join(", ", reservation.shortSkus().stream().map(Shortage::sku).toList()));
            default -> new SyncAnswer(SagaReport.INVENTORY_REJECTED, "inventory answered " + reservation.status());
        };
    }

    /** Captures the order's total at payment-service: CAPTURED, or FAILED with the reason. */
    public SyncAnswer capture(Order order) {
        Map<String, Object> body = Map.of("customerId", order.customerId(), "currency", order.currency(), "amount", order.total());
        Payment payment = call(Capability.PAYMENT, order.orderId(), base -> client.post()
                .uri(base.resolve("/payments/" + order.orderId() + "/capture")).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Payment.class));
        return switch (payment.status()) {
            case "CAPTURED" -> new SyncAnswer(SagaReport.PAYMENT_CAPTURED, null);
            case "FAILED" -> new SyncAnswer(SagaReport.PAYMENT_FAILED, "payment failed: " + payment.reason() + " (" + order.total() + " "
                    + order.currency() + ")");
            default -> new SyncAnswer(SagaReport.PAYMENT_FAILED, "payment answered " + payment.status());
        };
    }

    private <T> T call(Capability capability, UUID orderId, Function<URI, T> request) {
        InstanceRotation.Call call = instances.get(capability).call();
        AtomicInteger attempt = new AtomicInteger();
        try {
            return Retry.decorateSupplier(retries.get(capability), CircuitBreaker.decorateSupplier(breakers.get(capability),
                    () -> request.apply(call.instanceFor(attempt.getAndIncrement())))).get();
        } catch (CallNotPermittedException e) {
            throw new SyncCallFailedException(capability, capability.wireName() + "-service is unavailable (circuit breaker open)", e);
        } catch (RestClientException e) {
            throw new SyncCallFailedException(capability, capability.wireName() + "-service did not decide order " + orderId + " after "
                    + attempt.get() + " attempts: " + e.getMessage(), e);
        }
    }

    /** A failure that says the service is down or overloaded: no answer, a timeout, or a 5xx. */
    static boolean isOutage(Throwable failure) {
        return failure instanceof ResourceAccessException || failure instanceof HttpServerErrorException;
    }

    record Reservation(String status, List<Shortage> shortSkus) {

        Reservation {
            shortSkus = shortSkus == null ? List.of() : shortSkus;
        }
    }

    record Shortage(String sku, int requested, int available) {
    }

    record Payment(String status, String reason, BigDecimal amount) {
    }
}
