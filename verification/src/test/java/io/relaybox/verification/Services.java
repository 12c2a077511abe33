package io.relaybox.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.awaitility.Awaitility;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.ManagedProcess;
import io.relaybox.platform.ServiceKind;
import io.relaybox.platform.SpringBootService;
import io.relaybox.testkit.CrashHooks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consuming service instances of the platform as fault tests drive them: their inbox counters, stopping,
 * starting and killing them, and the crash-test hook that pauses a consumer between its database commit and its
 * offset commit.
 */
final class Services {

    static final Duration READY = Duration.ofMinutes(3);

    static final ServiceKind ORDER_MONOLITH = ServiceKind.named("order-monolith");
    static final ServiceKind INVENTORY = ServiceKind.named("inventory-service");
    static final ServiceKind PAYMENT = ServiceKind.named("payment-service");
    static final ServiceKind NOTIFICATION = ServiceKind.named("notification-service");

    /** Every service that applies events through the inbox (the monolith's saga among them), each a consumer group; from the topology. */
    static final List<ServiceKind> CONSUMERS = ServiceKind.all().stream().filter(kind -> kind.descriptor().hasInbox()).toList();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalPlatform platform;

    Services(LocalPlatform platform) {
        this.platform = platform;
    }

    /** The topics the service's consumer group reads. */
    static List<String> topicsOf(ServiceKind kind) {
        return kind.descriptor().consumes();
    }

    /** The consumer group (and inbox consumer name) of the service. */
    static String groupOf(ServiceKind kind) {
        return kind.descriptor().consumerGroup();
    }

    List<String> instanceNames(ServiceKind kind) {
        return kind.descriptor().instanceNames();
    }

    private List<String> instanceNames(Collection<ServiceKind> kinds) {
        return kinds.stream().flatMap(kind -> instanceNames(kind).stream()).toList();
    }

    // ---- inbox counters

    /** {@code GET /inbox/stats} of one instance (counted since that process started). */
    record InboxCounts(long applied, long duplicatesSkipped, long deadLettered, long retried, long parked) {

        static final InboxCounts ZERO = new InboxCounts(0, 0, 0, 0, 0);

        InboxCounts plus(InboxCounts other) {
            return new InboxCounts(applied + other.applied, duplicatesSkipped + other.duplicatesSkipped,
                    deadLettered + other.deadLettered, retried + other.retried, parked + other.parked);
        }

        InboxCounts minus(InboxCounts other) {
            return new InboxCounts(applied - other.applied, duplicatesSkipped - other.duplicatesSkipped,
                    deadLettered - other.deadLettered, retried - other.retried, parked - other.parked);
        }
    }

    /** The counters of every instance of a service at one moment, with the process each belongs to. */
    record Counters(Map<String, Long> pids, Map<String, InboxCounts> counts) {

        InboxCounts total() {
            return counts.values().stream().reduce(InboxCounts.ZERO, InboxCounts::plus);
        }

        /**
         * What the instances counted since the earlier snapshot. An instance restarted in between counts from zero
         * (what a process counted before it ended is lost with it).
         */
        InboxCounts since(Counters earlier) {
            InboxCounts sum = InboxCounts.ZERO;
            for (Map.Entry<String, InboxCounts> instance : counts.entrySet()) {
                boolean sameProcess = pids.get(instance.getKey()).equals(earlier.pids().get(instance.getKey()));
                InboxCounts before = sameProcess ? earlier.counts().get(instance.getKey()) : InboxCounts.ZERO;
                sum = sum.plus(instance.getValue().minus(before));
            }
            return sum;
        }
    }

    /** The counters of every instance of the service; fails while one is not running. */
    Counters counters(ServiceKind kind) {
        Map<String, Long> pids = new LinkedHashMap<>();
        Map<String, InboxCounts> counts = new LinkedHashMap<>();
        for (String name : instanceNames(kind)) {
            SpringBootService service = platform.service(name);
            pids.put(name, service.process().pid());
            counts.put(name, stats(service.baseUrl()));
        }
        return new Counters(pids, counts);
    }

    private static InboxCounts stats(String baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/inbox/stats"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(baseUrl + "/inbox/stats answered " + response.statusCode());
            }
            JsonNode stats = JSON.readTree(response.body());
            return new InboxCounts(stats.path("applied").asLong(), stats.path("duplicatesSkipped").asLong(),
                    stats.path("deadLettered").asLong(), stats.path("retried").asLong(), stats.path("parked").asLong());
        } catch (IOException e) {
            throw new UncheckedIOException(baseUrl + "/inbox/stats is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---- processes

    /** Stops every instance of the services cleanly (SIGTERM: the consumer commits what it applied, then leaves its group). */
    void stop(Collection<ServiceKind> kinds) {
        inParallel(instanceNames(kinds), name -> process(name).stop());
    }

    /** Starts the instances (in parallel) and waits until each is ready (its consumer running). */
    void start(Collection<String> instances) {
        inParallel(instances, name -> process(name).startAndAwaitReady(READY));
    }

    void startAll(Collection<ServiceKind> kinds) {
        start(instanceNames(kinds));
    }

    /** Starts whatever service instance is not running, so that a failed fault test leaves the platform whole. */
    void startStopped() {
        start(instanceNames(LocalPlatform.SERVICES).stream().filter(name -> !process(name).isAlive()).toList());
    }

    /** Kills the instance at once (SIGKILL), as a crash would, and removes the pause marker it can no longer remove. */
    void kill(String instance) {
        process(instance).kill();
        try {
            Files.deleteIfExists(pausedMarker(instance));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ManagedProcess process(String instance) {
        return platform.service(instance).process();
    }

    private static void inParallel(Collection<String> instances, Consumer<String> action) {
        if (instances.isEmpty()) {
            return;
        }
        ExecutorService threads = Executors.newFixedThreadPool(instances.size());
        try {
            CompletableFuture.allOf(instances.stream()
                    .map(name -> CompletableFuture.runAsync(() -> action.accept(name), threads))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdown();
        }
    }

    // ---- the crash-test hook

    /**
     * Makes every instance of the service pause after its next database commit, before its offset commit, until
     * {@link #disarmPauseHooks} (the instance that owns the partition is not known up front).
     */
    void armPauseHooks(ServiceKind kind) {
        for (String name : instanceNames(kind)) {
            Path trigger = CrashHooks.pauseFile(platform.settings().runFolder(), name);
            try {
                Files.createDirectories(trigger.getParent());
                Files.writeString(trigger, "paused by a verification test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Lets paused instances go on (they commit their offsets) and later commits pass. */
    void disarmPauseHooks(ServiceKind kind) {
        for (String name : instanceNames(kind)) {
            try {
                Files.deleteIfExists(CrashHooks.pauseFile(platform.settings().runFolder(), name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The running instance of the service that is paused between its database commit and its offset commit. */
    Optional<String> pausedInstance(ServiceKind kind) {
        return instanceNames(kind).stream()
                .filter(name -> process(name).isAlive() && Files.exists(pausedMarker(name)))
                .findFirst();
    }

    /** Waits until an instance of the service pauses, and returns it. */
    String awaitPaused(ServiceKind kind, Duration timeout) {
        return Awaitility.await("an instance of " + kind.name() + " paused before its offset commit").atMost(timeout)
                .pollInterval(Duration.ofMillis(200)).until(() -> pausedInstance(kind), Optional::isPresent).orElseThrow();
    }

    private Path pausedMarker(String instance) {
        Path trigger = CrashHooks.pauseFile(platform.settings().runFolder(), instance);
        return trigger.resolveSibling(trigger.getFileName() + ".paused");
    }
}
