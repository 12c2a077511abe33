package io.relaybox.order.migration;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * This instance's mode switch in progress, if any: a placement held back by it waits for its end here instead of
 * asking the database again and again (the advisory lock still decides; a switch run by another instance is only seen
 * there).
 */
@Component
public class SwitchGate {

    private final AtomicReference<CompletableFuture<Void>> running = new AtomicReference<>(CompletableFuture.completedFuture(null));

    /** Marks a switch as begun; the caller must call {@link #closed()} when it ends, however it ends. */
    void opened() {
        running.set(new CompletableFuture<>());
    }

    void closed() {
        running.get().complete(null);
    }

    /**
     * Waits until this instance's switch ended, at most the given time; when none runs here (another instance's holds
     * the placements back), waits the whole time.
     */
    public void awaitEnd(Duration atMost) throws InterruptedException {
        CompletableFuture<Void> switching = running.get();
        if (switching.isDone()) {
            Thread.sleep(atMost.toMillis());
            return;
        }
        try {
            switching.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the caller asks the database again
        }
    }
}
