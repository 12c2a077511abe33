package io.relaybox.service.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.relaybox.platform.FreePort;
import io.relaybox.platform.KafkaBroker;
import io.relaybox.platform.PlatformLayout;

/**
 * One real Kafka broker for all integration tests of a module: started on first use (a {@link KafkaBroker}
 * parameter), kept in the root store and stopped by JUnit when the run ends; its data lives under
 * {@code target/it-kafka} and is deleted on the next start.
 */
public final class KafkaExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(RunningBroker.class, key -> RunningBroker.start(), RunningBroker.class).broker;
    }

    /** The broker, closed by JUnit at the end of the run. */
    static final class RunningBroker implements AutoCloseable {

        private final KafkaBroker broker;

        private RunningBroker(KafkaBroker broker) {
            this.broker = broker;
        }

        static RunningBroker start() {
            Path folder = Path.of("target", "it-kafka").toAbsolutePath();
            // a run that was killed leaves its data behind: start from scratch
            delete(folder);
            KafkaBroker broker = new KafkaBroker(folder.resolve("broker"), PlatformLayout.detect().kafkaClasspath(),
                    FreePort.any(), FreePort.any(), folder.resolve("kafka.log"));
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
            delete(Path.of("target", "it-kafka", "broker").toAbsolutePath());
        }

        private static void delete(Path folder) {
            if (!Files.exists(folder)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
