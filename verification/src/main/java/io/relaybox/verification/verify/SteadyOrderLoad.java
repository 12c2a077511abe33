package io.relaybox.verification.verify;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;

/**
 * An open-loop order load: one {@code POST /orders} every 1/R seconds whatever the answers, so that a slow or dead
 * monolith does not slow the load down. An order acknowledged with 201 is recorded by its id; a request answered
 * otherwise is counted as refused, one that got no answer (connection refused, reset, timeout) as failed, and a tick
 * that found every client busy as skipped (never sent). Nothing is lost from the count.
 */
public final class SteadyOrderLoad implements AutoCloseable {

    private final OrdersApi api;
    private final OrderGenerator generator;
    private final double ratePerSecond;
    private final int clients;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(daemon("order-load-tick"));
    private final ExecutorService senders;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    public SteadyOrderLoad(OrdersApi api, OrderGenerator generator, double ratePerSecond) {
        this.api = api;
        this.generator = generator;
        this.ratePerSecond = ratePerSecond;
        // enough clients to ride out a few seconds of slow answers at the rate; an answer takes 30 s at most
        this.clients = (int) Math.min(256, Math.max(8, Math.ceil(ratePerSecond * 2)));
        this.senders = Executors.newFixedThreadPool(clients, daemon("order-load"));
    }

    /** Starts sending; returns at once. */
    public void start() {
        long period = Math.max(1, Math.round(1_000_000_000 / ratePerSecond));
        ticks.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.NANOSECONDS);
    }

    private void tick() {
        offered.incrementAndGet();
        if (inFlight.incrementAndGet() > clients) {
            inFlight.decrementAndGet();
            skipped.incrementAndGet();
            return;
        }
        String order = generator.nextOrderJson();
        senders.execute(() -> {
            try {
                acknowledged.add(api.place(order).path("orderId").asString());
            } catch (IllegalStateException e) {
                // OrdersApi: no answer carries the I/O failure as cause; an answer other than 201 has none
                (e.getCause() != null ? failed : refused).incrementAndGet();
            } catch (RuntimeException e) {
                failed.incrementAndGet();
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /** Stops sending and waits for the answers to the requests in flight. */
    @Override
    public void close() {
        ticks.shutdownNow();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(60, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            senders.shutdownNow();
        }
    }

    /** The ids of the orders the monolith acknowledged with 201. */
    public Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** What happened to the requests so far. */
    public LoadTally tally() {
        return new LoadTally(offered.get(), acknowledged.size(), refused.get(), failed.get(), skipped.get());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
