package io.relaybox.testkit;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.relaybox.platform.BrokerTimePolicy;
import io.relaybox.platform.FreePort;
import io.relaybox.platform.KafkaBroker;
import io.relaybox.platform.PlatformLayout;
import io.relaybox.platform.RunFolder;

/**
 * One real single-node Kafka broker for all integration tests of a module: started before the first test class that
 * uses it, stopped by JUnit when the run ends; its data lives under {@code target/it-kafka} and is deleted on the
 * next start. Injects {@link KafkaBroker} parameters; {@link #broker()} serves code that cannot take parameters.
 */
public final class KafkaExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaExtension.class);
    private static volatile KafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = start(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return start(context);
    }

    /** The running broker; only inside a test class extended with this extension. */
    public static KafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("Kafka is not running: extend the test class with KafkaExtension");
        }
        return broker;
    }

    private static KafkaBroker start(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(RunningBroker.class, key -> RunningBroker.start(), RunningBroker.class).broker;
    }

    /** The broker, closed by JUnit at the end of the run. */
    static final class RunningBroker implements AutoCloseable {

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
        public void close() {
            broker.stop();
        }
    }
}
