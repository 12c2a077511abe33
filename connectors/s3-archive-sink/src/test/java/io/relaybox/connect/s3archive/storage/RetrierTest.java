package io.relaybox.connect.s3archive.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class RetrierTest {

    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> sleeps = new ArrayList<>();

    private Retrier retrier(double jitter) {
        return new Retrier(Duration.ofMillis(100), Duration.ofMillis(1_000), Duration.ofSeconds(10), nanos::get, d -> {
            sleeps.add(d);
            nanos.addAndGet(d.toNanos());
        }, () -> jitter);
    }

    @Test
    void doublesTheBackoffUpToTheMaximumWithJitterInTheUpperHalf() {
        Retrier low = retrier(0.0);
        Retrier high = retrier(0.999999);

        assertThat(List.of(low.backoff(1), low.backoff(2), low.backoff(3), low.backoff(5), low.backoff(40)))
                .containsExactly(50L, 100L, 200L, 500L, 500L);
        assertThat(List.of(high.backoff(1), high.backoff(2), high.backoff(3), high.backoff(5))).containsExactly(99L, 199L, 399L, 999L);
    }

    @Test
    void retriesThrottlingAndConnectionFailuresUntilTheCallSucceeds() {
        AtomicInteger calls = new AtomicInteger();

        String result = retrier(0.5).call("PUT key", () -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                throw slowDown();
            }
            if (n == 2) {
                throw SdkClientException.create("Connection refused");
            }
            if (n == 3) {
                throw status(429, "TooManyRequests");
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(4);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void givesUpAsTransientWhenTheBudgetIsSpent() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retrier(0.5).run("PUT s3://b/k", () -> {
            calls.incrementAndGet();
            throw slowDown();
        })).isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isTransient()).isTrue())
                .hasMessageContaining("PUT s3://b/k failed").hasMessageContaining("HTTP 503 SlowDown");
        assertThat(nanos.get()).isLessThanOrEqualTo(Duration.ofSeconds(10).toNanos());
        assertThat(calls.get()).isGreaterThan(5);
    }

    @Test
    void failsAtOnceOnPermanentErrors() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retrier(0.5).run("PUT s3://b/k", () -> {
            calls.incrementAndGet();
            throw status(403, "AccessDenied");
        })).isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("HTTP 403 AccessDenied");
        assertThat(calls).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    static S3Exception slowDown() {
        return status(503, "SlowDown");
    }

    static S3Exception status(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }
}
