package io.relaybox.connect.s3archive.it;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.relaybox.testkit.KafkaExtension;

/**
 * One {@link ArchivePlatform} for every integration test class of the run, on the shared Kafka of {@link KafkaExtension}
 * (list that extension first): started on first use, stopped by JUnit when the run ends.
 */
public final class ArchivePlatformExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ArchivePlatformExtension.class);
    private static final Path FOLDER = Path.of("target", "it-archive", Long.toString(ProcessHandle.current().pid())).toAbsolutePath();

    public ArchivePlatformExtension() {
        // instantiated by JUnit (@ExtendWith)
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ArchivePlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(ArchivePlatform.class, key -> ArchivePlatform.start(KafkaExtension.broker(), FOLDER), ArchivePlatform.class);
    }
}
