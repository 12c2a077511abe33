package io.relaybox.connect.s3archive.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.relaybox.connect.s3archive.replay.Archive;
import io.relaybox.connect.s3archive.replay.ArchiveVerifier;
import io.relaybox.connect.s3archive.replay.VerificationReport;
import io.relaybox.connect.s3archive.storage.ObjectStore;
import io.relaybox.connect.s3archive.storage.Retrier;
import io.relaybox.connect.s3archive.storage.S3ObjectStore;
import io.relaybox.connect.s3archive.storage.S3Settings;
import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectorDefinition;
import io.relaybox.platform.ConnectWorker;
import io.relaybox.platform.FreePort;
import io.relaybox.platform.KafkaBroker;
import io.relaybox.platform.PlatformLayout;
import io.relaybox.platform.S3Server;
import io.relaybox.testkit.TestRecordTime;

/**
 * An S3 server, a Kafka Connect worker whose plugin path is the sink's plugin folder, and a fault proxy in front of the S3
 * server, on the shared Kafka broker; plus what the tests do with them (topics, outbox-like events, connectors, reading
 * the archive). Public for the archive tool's integration tests (this module's test jar).
 */
public final class ArchivePlatform implements AutoCloseable {

    public static final String BUCKET = "relaybox-archive";
    public static final String IDENTITY = "relaybox";
    public static final int PARTITIONS = 3;
    public static final String TIME_HEADER = "occurredat";
    /** The record time of event 0, the run's base time (never a fixed date: retention would delete the records); event i is {@code 37 * i} ms later. */
    public static final Instant EPOCH = TestRecordTime.base();

    private final KafkaBroker kafka;
    private final S3Server s3;
    private final ConnectWorker connect;
    private final S3Faults proxy;
    private final String credential = "s3-" + UUID.randomUUID();
    private final ObjectStore store;

    private ArchivePlatform(KafkaBroker kafka, Path folder) throws IOException {
        this.kafka = kafka;
        PlatformLayout layout = PlatformLayout.detect();
        this.s3 = new S3Server(folder.resolve("s3"), layout.s3ProxyClasspath(), FreePort.any(), folder.resolve("s3.log"), IDENTITY,
                credential);
        Path plugins = Path.of(System.getProperty("s3archive.plugin.folder", "target/plugins")).toAbsolutePath();
        this.connect = new ConnectWorker(folder.resolve("connect"), layout.connectClasspath(), List.of(plugins), kafka.bootstrapServers(),
                FreePort.any(), folder.resolve("connect.log"), Map.of("RELAYBOX_S3_SECRET_KEY", credential),
                new ConnectWorker.Credentials("test", "pw-" + UUID.randomUUID()));
        this.proxy = new S3Faults(s3.port());
        this.store = S3ObjectStore.create(new S3Settings(BUCKET, "us-east-1", Optional.of(URI.create(s3.endpoint())), true, IDENTITY,
                credential, Duration.ofSeconds(10)));
    }

    static ArchivePlatform start(KafkaBroker kafka, Path folder) {
        ArchivePlatform platform;
        try {
            platform = new ArchivePlatform(kafka, folder);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            platform.s3.prepare();
            platform.s3.ensureBucket(BUCKET);
            platform.s3.process().start();
            platform.connect.start(Duration.ofSeconds(120));
            platform.s3.process().awaitReady(Duration.ofSeconds(60));
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public ConnectWorker connect() {
        return connect;
    }

    public ConnectClient client() {
        return connect.client();
    }

    public S3Faults proxy() {
        return proxy;
    }

    public S3Server s3() {
        return s3;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** A client of the bucket, straight to the S3 server (not through the proxy). */
    public ObjectStore store() {
        return store;
    }

    public Archive archive(String prefix) {
        return new Archive(store, prefix, new Retrier(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10)));
    }

    public VerificationReport verify(String prefix, String topic) {
        return new ArchiveVerifier(archive(prefix), TIME_HEADER).verify(topic);
    }

    /** The platform's connector file with this test's topic, prefix and endpoint (through the proxy), plus the overrides. */
    public ConnectorDefinition connector(String name, String topic, String prefix, Map<String, String> overrides) {
        ConnectorDefinition file = ConnectorDefinition.read(PlatformLayout.detect().connectorFolder().resolve("s3-archive-sink.json"));
        Map<String, String> config = new LinkedHashMap<>(file.config());
        // the file subscribes to every event topic by topics.regex; the test reads its own topic
        config.remove("topics.regex");
        config.put("topics", topic);
        config.put("s3.prefix", prefix);
        config.put("s3.endpoint.url", proxy.endpoint());
        config.put("rotate.records", "100");
        config.put("open.object.upload.ms", "1000");
        config.put("retry.backoff.initial.ms", "50");
        config.put("retry.backoff.max.ms", "500");
        config.put("errors.deadletterqueue.topic.name", topic + ".dlq");
        // a killed worker's consumers leave the group after 10 s instead of 45 s: restarts are awaited, just shorter
        config.put("consumer.override.session.timeout.ms", "10000");
        config.putAll(overrides);
        return new ConnectorDefinition(name, config);
    }

    public void createTopic(String topic) {
        createTopic(topic, PARTITIONS);
    }

    /**
     * Creates the topic and waits until the broker serves every partition. Producing earlier can lose records silently
     * despite idempotence (KAFKA-15591, open in Kafka 4.3: a first request refused while the broker applies the new
     * partition, a second one accepted, the first one's retries then refused as out of order until they expire).
     */
    public void createTopic(String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            Map<TopicPartition, OffsetSpec> all = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                all.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> admin.listOffsets(all).all().get().size() == partitions);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot create topic " + topic, e);
        }
    }

    public KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends events {@code from..to-1} like the outbox connector's: key = aggregate id, value = payload JSON, outbox headers. */
    public void produce(String topic, int from, int to, KafkaProducer<byte[], byte[]> producer) {
        send(producer, from, to, i -> event(topic, i));
    }

    /**
     * Sends records {@code from..to-1} and waits until Kafka acknowledged every one: a test that counts records must
     * never start from a send that failed unnoticed.
     *
     * @throws IllegalStateException with the first failure
     */
    public static void send(KafkaProducer<byte[], byte[]> producer, int from, int to, IntFunction<ProducerRecord<byte[], byte[]>> records) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int i = from; i < to && failure.get() == null; i++) {
            int n = i;
            producer.send(records.apply(i), (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, new IllegalStateException("Kafka refused record " + n + ": " + e, e));
                }
            });
        }
        producer.flush();
        if (failure.get() != null) {
            throw (IllegalStateException) failure.get();
        }
    }

    /**
     * Sends events {@code 0..n-1} in batches at a fixed rate from a thread of its own, as a steady load while a test
     * kills or throttles something; the future completes when the last batch is acknowledged.
     */
    public CompletableFuture<Void> produceSteadily(String topic, int n, int batch, Duration period) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "steady-producer-" + topic);
            t.setDaemon(true);
            return t;
        });
        KafkaProducer<byte[], byte[]> producer = producer();
        AtomicInteger next = new AtomicInteger();
        CompletableFuture<Void> done = new CompletableFuture<>();
        timer.scheduleAtFixedRate(() -> {
            try {
                int from = next.get();
                int to = Math.min(n, from + batch);
                produce(topic, from, to, producer);
                next.set(to);
                if (to >= n) {
                    done.complete(null);
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return done.whenComplete((ok, failure) -> {
            timer.shutdown();
            producer.close(Duration.ofSeconds(10));
        });
    }

    public static ProducerRecord<byte[], byte[]> event(String topic, int i) {
        return event(topic, i, null);
    }

    /** An outbox-like event; into the given partition, or by key when null. */
    public static ProducerRecord<byte[], byte[]> event(String topic, int i, Integer partition) {
        return event(topic, i, partition, 0);
    }

    /**
     * An outbox-like event whose payload also carries {@code padding} characters of seeded random base64, which gzip
     * cannot shrink much (for objects large enough to need a multipart upload).
     */
    public static ProducerRecord<byte[], byte[]> event(String topic, int i, Integer partition, int padding) {
        String aggregate = "order-" + (i % 37);
        RecordHeaders headers = new RecordHeaders();
        headers.add("id", bytes(new UUID(0x0193_0000_7000_0000L + i / 1000, 0x8000_0000_0000_0000L + i).toString()));
        headers.add("type", bytes(i % 3 == 0 ? "OrderPlaced" : "OrderConfirmed"));
        headers.add("schemaversion", bytes("1"));
        headers.add("occurredat", bytes(recordTime(i).toString()));
        headers.add("traceparent", i % 2 == 0 ? null : bytes("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        headers.add("headers", i % 5 == 0 ? bytes("{\"tenant\":\"t-" + i % 4 + "\"}") : null);
        String payload = "{\"orderId\":\"" + aggregate + "\",\"n\":" + i + ",\"note\":\"caf\u00e9 \\\"quoted\\\"\",\"lines\":[{\"sku\":\"SKU-"
                + i % 11 + "\",\"quantity\":" + (1 + i % 4) + "}]" + (padding > 0 ? ",\"blob\":\"" + randomBase64(i, padding) + "\"" : "")
                + "}";
        return new ProducerRecord<>(topic, partition, recordTime(i).toEpochMilli(), bytes(aggregate), bytes(payload), headers);
    }

    /** The UTC date of every event's record time: the {@code dt=} of every object the tests write. */
    public static java.time.LocalDate recordDate() {
        return EPOCH.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /** The record time ({@code occurredat}) of event i. */
    public static Instant recordTime(int i) {
        return EPOCH.plusMillis(37L * i);
    }

    private static String randomBase64(long seed, int length) {
        byte[] random = new byte[length];
        new Random(seed).nextBytes(random);
        return Base64.getEncoder().encodeToString(random).substring(0, length);
    }

    /** Every record of the topic ({@link #PARTITIONS} partitions), per partition in offset order. */
    public Map<Integer, List<ConsumerRecord<byte[], byte[]>>> readAll(String topic, int expected) {
        return readAll(topic, PARTITIONS, expected);
    }

    /**
     * Every record of the topic, per partition in offset order: reads until {@code expected} records came (or 60 s
     * passed, and the caller's comparison shows what is missing).
     */
    public Map<Integer, List<ConsumerRecord<byte[], byte[]>>> readAll(String topic, int partitionCount, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> result = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int i = 0; i < partitionCount; i++) {
                partitions.add(new TopicPartition(topic, i));
                result.put(i, new ArrayList<>());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int count = 0;
            Instant deadline = Instant.now().plusSeconds(60);
            while (count < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    result.get(r.partition()).add(r);
                    count++;
                }
            }
        }
        return result;
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (Runnable step : List.<Runnable>of(connect::stop, s3::stop, store::close, () -> {
            try {
                proxy.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        })) {
            try {
                step.run();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (connect.process().isAlive()) {
            connect.process().kill();
        }
        if (s3.process().isAlive()) {
            s3.process().kill();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
