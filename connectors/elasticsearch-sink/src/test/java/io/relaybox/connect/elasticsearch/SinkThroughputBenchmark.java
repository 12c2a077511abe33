package io.relaybox.connect.elasticsearch;

import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.testkit.KafkaExtension;

/**
 * A benchmark, not a test: prints how many events per second the sink indexes and commits from a backlog (order sagas
 * on three topics of six partitions), after a warm-up pass, with one task and with one task per partition; it asserts
 * nothing about time.
 * Not part of {@code mvn verify}: run it with
 * {@code mvn -B -Pbench -DskipTests verify -pl connectors/elasticsearch-sink -am}. {@code -Dbench.orders=N} (default
 * 25,000 orders, about 105,000 events), {@code -Dbench.tasks=1,18} and {@code -Dbench.settings=key=value,...}
 * (connector settings) change the load and the runs.
 */
@ExtendWith(SinkStackExtension.class)
@ExtendWith(KafkaExtension.class)
class SinkThroughputBenchmark {

    private static final String ORDERS = "bench.orders.events";
    private static final String INVENTORY = "bench.inventory.events";
    private static final String PAYMENTS = "bench.payments.events";
    private static final int PARTITIONS = 6;
    private static final Duration POLL = Duration.ofMillis(200);

    @Test
    void measuresEventsPerSecond(SinkStack stack) {
        int orders = Integer.getInteger("bench.orders", 25_000);
        List<Integer> taskCounts = Arrays.stream(System.getProperty("bench.tasks", "1," + 3 * PARTITIONS).split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        stack.createTopics(PARTITIONS, ORDERS, INVENTORY, PAYMENTS);
        OrderHistory history = OrderHistory.of(orders, OrderHistory.START, ORDERS, INVENTORY, PAYMENTS, 3);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = stack.producer()) {
            history.produce(producer);
        }
        int events = history.events().size();
        long orderEvents = history.events().stream().filter(e -> e.topic().equals(ORDERS)).count();
        System.out.printf("BENCH backlog: %d events on %d partitions (%d order events, each also an order document) produced in %.1f s%n",
                events, 3 * PARTITIONS, orderEvents, (System.nanoTime() - start) / 1e9);
        Map<TopicPartition, Long> end = endOffsets(stack);

        List<String> lines = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            // the first pass over the backlog compiles the hot code of Elasticsearch and the worker: not measured
            System.out.println("BENCH warm-up (not a measurement): " + run(stack, admin, "warmup", 1, events, orderEvents, end));
            for (int tasks : taskCounts) {
                String line = run(stack, admin, "bench" + tasks, tasks, events, orderEvents, end);
                System.out.println(line);
                lines.add(line);
            }
        }
        System.out.printf("BENCH summary (%d cores; Elasticsearch: one node, 512 MB heap, HTTPS; the load average counts every process of the "
                + "machine, and a figure measured while other work ran is low):%n", Runtime.getRuntime().availableProcessors());
        lines.forEach(System.out::println);
    }

    /**
     * Registers a connector that reads the backlog with {@code tasks} tasks into its own indices, waits until it committed the end of every
     * partition, and returns the figures: from registration (includes task start and the first index creations) and
     * from the first commit (the steady rate; commits come every second, offset.flush.interval.ms).
     */
    private static String run(SinkStack stack, Admin admin, String name, int tasks, int events, long orderEvents, Map<TopicPartition, Long> end) {
        Map<String, String> settings = new HashMap<>(Map.of("topics", String.join(",", ORDERS, INVENTORY, PAYMENTS), "orders.topics", ORDERS,
                "index.prefix", name + "-events-", "orders.index", name + "-orders",
                "errors.deadletterqueue.topic.name", name + ".dlq", "tasks.max", Integer.toString(tasks)));
        settings.put("consumer.override.max.poll.records", "2000");
        for (String setting : System.getProperty("bench.settings", "").split(",")) {
            if (setting.contains("=")) {
                settings.put(setting.substring(0, setting.indexOf('=')).trim(), setting.substring(setting.indexOf('=') + 1).trim());
            }
        }
        long total = end.values().stream().mapToLong(Long::longValue).sum();
        long[] first = {0, 0};
        double loadBefore = loadAverage();
        Map<String, Duration> cpuBefore = cpu(stack);
        long begin = System.nanoTime();
        stack.register(stack.connector(name, settings));
        await().atMost(Duration.ofMinutes(30)).pollInterval(POLL).until(() -> {
            Map<TopicPartition, Long> committed = committed(admin, name);
            long done = committed.values().stream().mapToLong(Long::longValue).sum();
            if (first[0] == 0 && done > 0) {
                first[0] = System.nanoTime();
                first[1] = done;
            }
            return committed.equals(end);
        });
        long finished = System.nanoTime();
        Map<String, Duration> cpuAfter = cpu(stack);
        double loadAfter = loadAverage();
        stack.connectClient().delete(name);
        double seconds = (finished - begin) / 1e9;
        double steadySeconds = (finished - first[0]) / 1e9;
        double steady = steadySeconds > 0 ? (total - first[1]) / steadySeconds : Double.NaN;
        String used = cpuAfter.keySet().stream().map(process -> String.format("%s %.0f s", process,
                (cpuAfter.get(process).toMillis() - cpuBefore.get(process).toMillis()) / 1e3)).collect(Collectors.joining(", "));
        String line = String.format("BENCH tasks.max=%d: %d events (%d documents) indexed and committed in %.1f s from registration = %.0f events/s "
                + "(%.0f documents/s); after the first commit %.0f events/s; CPU used: %s; load average %.1f before, %.1f after", tasks, events,
                events + orderEvents, seconds, events / seconds, (events + orderEvents) / seconds, steady, used, loadBefore, loadAfter);
        return line;
    }

    /** CPU time each process of the stack used so far, its child processes included (Elasticsearch runs in one). */
    private static Map<String, Duration> cpu(SinkStack stack) {
        Map<String, Duration> used = new LinkedHashMap<>();
        stack.processes().forEach((name, process) -> used.put(name, Stream.concat(Stream.of(process), process.descendants())
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus)));
        return used;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * The offsets the connector's consumer group committed, read with an admin client of this JVM: the worker's offsets
     * endpoint builds clients per request, which would load the worker being measured.
     */
    private static Map<TopicPartition, Long> committed(Admin admin, String connector) throws Exception {
        Map<TopicPartition, Long> committed = new HashMap<>();
        admin.listConsumerGroupOffsets("connect-" + connector).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                .forEach((partition, offset) -> {
                    if (offset != null) {
                        committed.put(partition, offset.offset());
                    }
                });
        return committed;
    }

    private static Map<TopicPartition, Long> endOffsets(SinkStack stack) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(ORDERS, INVENTORY, PAYMENTS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return consumer.endOffsets(partitions).entrySet().stream().filter(e -> e.getValue() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }
}
