package io.relaybox.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.ObjectProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.relaybox.analytics.topology.AnalyticsTopics;
import io.relaybox.analytics.topology.AnalyticsTopology;
import io.relaybox.analytics.topology.DeadLetterHandler;

/**
 * The Kafka Streams instance, started with the application and closed with it: {@code exactly_once_v2} (a record's
 * counts, the ids seen, the figures written and the consumed offsets commit in one transaction, so neither a rebalance
 * nor a kill -9 counts anything twice), event time from {@code occurredat}, unreadable records dead-lettered. Creates the
 * compacted {@code analytics.*} topics when they are missing. A stream thread that dies of an unexpected error takes
 * the client down rather than count on with a gap, and the process exits with status 1 so that whatever supervises it
 * (the platform's supervisor, compose's restart policy) starts it again: it resumes from its last commit.
 */
@Component
public class AnalyticsStreams implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);

    private final AnalyticsProperties properties;
    private final String bootstrapServers;
    private final String applicationServer;
    private final ObjectProvider<MeterRegistry> meterRegistry;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;

    public AnalyticsStreams(AnalyticsProperties properties, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${server.address:127.0.0.1}:${server.port:8080}") String applicationServer,
            ObjectProvider<MeterRegistry> meterRegistry) {
        this.properties = properties;
        this.meterRegistry = meterRegistry;
        this.bootstrapServers = bootstrapServers;
        this.applicationServer = applicationServer;
    }

    /** The Kafka Streams configuration of this instance. */
    Properties config() {
        Properties config = new Properties();
        config.putAll(properties.streams());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.threads());
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        // where this instance answers interactive queries (the metadata other instances would route by)
        config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        return config;
    }

    @Override
    public synchronized void start() {
        createOutputTopics();
        KafkaStreams started = new KafkaStreams(AnalyticsTopology.build(properties.settings()), config());
        started.setUncaughtExceptionHandler(exception -> {
            LOG.error("a stream thread failed; the analytics client shuts down", exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        started.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR) {
                LOG.error("the analytics client failed ({} -> {}); the process exits to be started again", before, now);
                // not on the stream thread: exiting runs the shutdown hooks, which close this client
                new Thread(() -> System.exit(1), "analytics-exit").start();
            }
        });
        // Kafka Streams' own metrics (process rates, commit latency, the clients' lag) at /actuator/prometheus
        meterRegistry.ifAvailable(registry -> {
            streamsMetrics = new KafkaStreamsMetrics(started);
            streamsMetrics.bindTo(registry);
        });
        started.start();
        streams = started;
    }

    @Override
    public synchronized void stop() {
        if (streams != null) {
            streams.close(CLOSE_TIMEOUT);
            streams = null;
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
            streamsMetrics = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The running instance, for interactive queries and health; null before start and after stop. */
    public KafkaStreams streams() {
        return streams;
    }

    private void createOutputTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = AnalyticsTopics.outputs().stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, java.util.Optional.of(properties.outputPartitions()), java.util.Optional.empty())
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
                LOG.info("created the compacted topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("cannot create the analytics topics: " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the analytics topics", e);
        }
    }
}
