package io.relaybox.connect.elasticsearch;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.relaybox.testkit.KafkaExtension;

/**
 * One {@link SinkStack} for all integration tests of the module. Register it before {@link KafkaExtension}: its
 * {@code beforeAll} starts Elasticsearch without waiting, so that Kafka starts meanwhile; the worker starts, and
 * Elasticsearch is awaited, when a test first asks for the {@link SinkStack} parameter. Everything stops when the run
 * ends: the worker first, then Kafka, then Elasticsearch.
 */
final class SinkStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SinkStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        boot(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SinkStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SinkStack.ElasticsearchBoot boot = boot(context);
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SinkStack.class, key -> SinkStack.start(boot, KafkaExtension.broker()), SinkStack.class);
    }

    private static SinkStack.ElasticsearchBoot boot(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SinkStack.ElasticsearchBoot.class, key -> SinkStack.ElasticsearchBoot.begin(), SinkStack.ElasticsearchBoot.class);
    }
}
