package io.relaybox.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import io.relaybox.platform.BrokerTimePolicy;
import io.relaybox.platform.FreePort;
import io.relaybox.platform.KafkaBroker;
import io.relaybox.platform.KafkaEndpoint;
import io.relaybox.platform.PlatformLayout;
import io.relaybox.platform.RunFolder;
import io.relaybox.testkit.containers.ContainerStack;
import io.relaybox.testkit.containers.TestkitBackend;
import io.relaybox.testkit.containers.TestkitBackend.Choice;

/**
 * One real single-node Kafka (KRaft) for all integration tests of a module, on the backend {@link TestkitBackend}
 * chose ({@code RELAYBOX_TESTKIT}): a local process (data under {@code target/it-kafka}, deleted on the next start) or
 * a container; either refuses records older than {@link BrokerTimePolicy#TESTS} allows. Started when a test first asks
 * for it, stopped by JUnit when the run ends.
 * <p>
 * Injects {@link KafkaEndpoint} parameters (either backend) and {@link KafkaBroker} parameters (a local process only:
 * see {@link BackendService}); {@link #endpoint()} and {@link #broker()} serve code that cannot take parameters. When
 * {@code RELAYBOX_TESTKIT=containers} and no Docker engine answers, the test class is skipped.
 */
public final class KafkaExtension extends BackendExtension<KafkaBroker, KafkaEndpoint> {

    private static final BackendService<KafkaBroker, KafkaEndpoint> SERVICE = new BackendService<>("Kafka", KafkaBroker.class,
            KafkaEndpoint.class, RunningBroker::start, KafkaBroker::endpoint, ContainerStack.Service.KAFKA, ContainerStack::kafka);

    public KafkaExtension() {
        this(TestkitBackend::current);
    }

    /** An extension on the backend this supplies (visible for testing). */
    KafkaExtension(Supplier<Choice> choice) {
        super(SERVICE, choice);
    }

    /** The running Kafka on the chosen backend; only inside a test class extended with this extension. */
    public static KafkaEndpoint endpoint() {
        return SERVICE.endpoint();
    }

    /** The running local Kafka process; only inside a test class extended with this extension. */
    public static KafkaBroker broker() {
        return SERVICE.process();
    }

    /** The broker, closed by JUnit at the end of the run. */
    static final class RunningBroker implements BackendService.Local<KafkaBroker> {

        private static final Path FOLDER = Path.of("target", "it-kafka").toAbsolutePath();

        private final KafkaBroker broker;

        private RunningBroker(KafkaBroker broker) {
            this.broker = broker;
        }

        static RunningBroker start() {
            // a run that was killed leaves its data behind: start from scratch
            RunFolder.purge(FOLDER, java.util.Optional.empty());
            KafkaBroker broker = new KafkaBroker(FOLDER.resolve("broker"), PlatformLayout.detect().kafkaClasspath(), FreePort.any(),
                    FreePort.any(), FOLDER.resolve("kafka.log"), BrokerTimePolicy.TESTS);
            try {
                broker.start(Duration.ofSeconds(90));
            } catch (RuntimeException e) {
                broker.process().kill();
                throw e;
            }
            return new RunningBroker(broker);
        }

        @Override
        public KafkaBroker process() {
            return broker;
        }

        @Override
        public void close() {
            broker.stop();
        }
    }
}
