package io.relaybox.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * How a platform goes down: first every process that uses the servers (services, Connect workers, the relay, exporters,
 * Prometheus), all at once, so that each still finds its broker and database while it commits and leaves its group; then
 * the servers, at once too, except the Kafka nodes, which go one after the other in reverse start order (a broker's
 * controlled shutdown asks the quorum, which must still be there). One after the other, fifteen clean shutdowns took
 * about 50 s; in two waves they take about as long as the slowest of each.
 *
 * @param servers the names of the processes the others depend on (PostgreSQL, the Kafka nodes, Elasticsearch, S3, mail)
 * @param oneByOne the servers stopped one after the other, in reverse start order (the Kafka nodes)
 */
public record StopOrder(Set<String> servers, Set<String> oneByOne) {

    /** Every process one after the other, in reverse start order: for processes whose roles are not known. */
    public static final StopOrder REVERSE = new StopOrder(Set.of(), Set.of());

    public StopOrder {
        servers = Set.copyOf(servers);
        oneByOne = Set.copyOf(oneByOne);
    }

    /**
     * Stops the processes; a process that fails to stop is reported by its name and the others are stopped all the same.
     *
     * @param startOrder the processes in the order they were started
     */
    public void stop(List<ManagedProcess> startOrder, BiConsumer<String, RuntimeException> failures) {
        List<ManagedProcess> reverse = new ArrayList<>(startOrder);
        Collections.reverse(reverse);
        if (servers.isEmpty()) {
            reverse.forEach(process -> stopReporting(process, failures));
            return;
        }
        List<Runnable> dependents = new ArrayList<>();
        List<Runnable> serverStops = new ArrayList<>();
        List<ManagedProcess> sequence = new ArrayList<>();
        for (ManagedProcess process : reverse) {
            if (!servers.contains(process.name())) {
                dependents.add(() -> stopReporting(process, failures));
            } else if (oneByOne.contains(process.name())) {
                sequence.add(process);
            } else {
                serverStops.add(() -> stopReporting(process, failures));
            }
        }
        if (!sequence.isEmpty()) {
            serverStops.add(() -> sequence.forEach(process -> stopReporting(process, failures)));
        }
        runTogether(dependents);
        runTogether(serverStops);
    }

    private static void stopReporting(ManagedProcess process, BiConsumer<String, RuntimeException> failures) {
        try {
            process.stop();
        } catch (RuntimeException e) {
            failures.accept(process.name(), e);
        }
    }

    private static void runTogether(List<Runnable> stops) {
        if (stops.isEmpty()) {
            return;
        }
        ExecutorService threads = Executors.newFixedThreadPool(stops.size(), runnable -> {
            Thread thread = new Thread(runnable, "relaybox-stop");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture.allOf(stops.stream().map(stop -> CompletableFuture.runAsync(stop, threads))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdown();
        }
    }
}
