package io.relaybox.outbox.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import io.relaybox.outbox.CleanupMode;
import io.relaybox.outbox.Outbox;
import io.relaybox.outbox.OutboxConfigurationException;
import io.relaybox.outbox.OutboxPurger;
import io.relaybox.outbox.PayloadSerializer;
import io.relaybox.outbox.TraceContext;
import io.relaybox.outbox.TransactionalConnectionSource;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class OutboxAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class))
            .withBean(DataSource.class, PGSimpleDataSource::new);

    record Placed(String orderId) {
    }

    @Test
    void createsAnOutboxOnTheApplicationsDataSource() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Outbox.class).hasSingleBean(OutboxProperties.class);
            assertThat(context.getBean(TransactionalConnectionSource.class))
                    .isInstanceOf(SpringTransactionalConnectionSource.class);
            assertThat(context).doesNotHaveBean(OutboxPurger.class).doesNotHaveBean(OutboxPurgeScheduler.class);
        });
    }

    @Test
    void backsOffWithoutADataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Outbox.class));
    }

    @Test
    void backsOffWhenDisabled() {
        runner.withPropertyValues("outbox.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(Outbox.class)
                        .doesNotHaveBean(FlywayConfigurationCustomizer.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnOutbox() {
        Outbox own = message -> {
            throw new UnsupportedOperationException();
        };
        runner.withBean("ownOutbox", Outbox.class, () -> own)
                .run(context -> assertThat(context.getBean(Outbox.class)).isSameAs(own));
    }

    @Test
    void backsOffWithoutSpringJdbc() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.jdbc.datasource"))
                .run(context -> assertThat(context).doesNotHaveBean(Outbox.class));
    }

    @Test
    void serializesPayloadsWithTheApplicationsJsonMapper() {
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
                .run(context -> assertThat(context.getBean(PayloadSerializer.class).toJson(new Placed("o-1")))
                        .isEqualTo("{\"order_id\":\"o-1\"}"));
    }

    @Test
    void serializesPayloadsWithTheDefaultMapperWithoutOne() {
        runner.run(context -> assertThat(context.getBean(PayloadSerializer.class).toJson(new Placed("o-1")))
                .isEqualTo("{\"orderId\":\"o-1\"}"));
    }

    @Test
    void prefersTheApplicationsUniqueJsonMapperBean() {
        JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        runner.withBean(JsonMapper.class, () -> snakeCase)
                .run(context -> assertThat(context.getBean(PayloadSerializer.class).toJson(new Placed("o-1")))
                        .isEqualTo("{\"order_id\":\"o-1\"}"));
    }

    @Test
    @SuppressWarnings("try") // the scope only has to be open
    void takesTheTraceparentFromTheTracer() {
        SimpleTracer tracer = new SimpleTracer();
        runner.withBean(Tracer.class, () -> tracer).run(context -> {
            TraceContext traceContext = context.getBean(TraceContext.class);
            SimpleSpan span = tracer.nextSpan();
            span.context().setTraceId("4bf92f3577b34da6a3ce929d0e0e4736");
            span.context().setSpanId("00f067aa0ba902b7");
            span.context().setSampled(true);
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                assertThat(traceContext.currentTraceparent())
                        .contains("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            }
        });
    }

    @Test
    void hasNoTraceContextWithoutMicrometerTracing() {
        runner.withClassLoader(new FilteredClassLoader(Tracer.class))
                .run(context -> assertThat(context).hasSingleBean(Outbox.class).doesNotHaveBean(TraceContext.class));
    }

    @Test
    void addsTheOutboxMigrationToFlywayLocations() {
        runner.run(context -> {
            FluentConfiguration configuration = Flyway.configure().locations("classpath:db/migration");
            context.getBeansOfType(FlywayConfigurationCustomizer.class).values()
                    .forEach(customizer -> customizer.customize(configuration));

            assertThat(configuration.getLocations()).extracting(Location::getDescriptor)
                    .containsExactly("classpath:db/migration", "classpath:db/relaybox/outbox");
        });
    }

    @Test
    void leavesFlywayAloneWhenToldTo() {
        runner.withPropertyValues("outbox.flyway.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(Outbox.class)
                        .doesNotHaveBean(FlywayConfigurationCustomizer.class));
    }

    @Test
    void leavesFlywayAloneWithoutFlyway() {
        runner.withClassLoader(new FilteredClassLoader(Flyway.class))
                .run(context -> assertThat(context).hasSingleBean(Outbox.class)
                        .doesNotHaveBean(FlywayConfigurationCustomizer.class));
    }

    @Test
    void schedulesThePurgerInRetainModeOnly() {
        runner.withPropertyValues("outbox.cleanup=retain", "outbox.retention=3d", "outbox.purge-interval=10m")
                .run(context -> {
                    assertThat(context).hasSingleBean(OutboxPurger.class).hasSingleBean(OutboxPurgeScheduler.class);
                    assertThat(context.getBean(OutboxPurgeScheduler.class).isRunning()).isTrue();
                });
    }

    @Test
    void bindsEveryProperty() {
        runner.withPropertyValues("outbox.table=events.outbox", "outbox.cleanup=RETAIN", "outbox.retention=36h",
                "outbox.purge-interval=5m", "outbox.purge-batch-size=50", "outbox.max-payload-bytes=1024")
                .run(context -> assertThat(context.getBean(OutboxProperties.class))
                        .extracting("table", "cleanup", "retention", "purgeInterval", "purgeBatchSize", "maxPayloadBytes")
                        .containsExactly("events.outbox", CleanupMode.RETAIN, Duration.ofHours(36),
                                Duration.ofMinutes(5), 50, 1024));
    }

    @Test
    void bindsTheCleanupModeInKebabCase() {
        runner.withPropertyValues("outbox.cleanup=delete-after-insert")
                .run(context -> assertThat(context.getBean(OutboxProperties.class).getCleanup())
                        .isEqualTo(CleanupMode.DELETE_AFTER_INSERT));
    }

    @Test
    void rejectsNonPositiveMaxPayloadBytesNamingTheProperty() {
        assertStartupFails(Map.of("outbox.max-payload-bytes", "0"), "outbox.max-payload-bytes must be positive, was: 0");
    }

    @Test
    void rejectsATableThatIsNotAnIdentifierNamingTheProperty() {
        assertStartupFails(Map.of("outbox.table", "outbox event"), "outbox.table must be a plain or schema-qualified SQL identifier");
    }

    @Test
    void rejectsNonPositiveRetentionInRetainMode() {
        assertStartupFails(Map.of("outbox.cleanup", "retain", "outbox.retention", "0s"), "outbox.retention must be positive");
    }

    @Test
    void rejectsNonPositivePurgeIntervalInRetainMode() {
        assertStartupFails(Map.of("outbox.cleanup", "retain", "outbox.purge-interval", "-1m"),
                "outbox.purge-interval must be positive");
    }

    private void assertStartupFails(Map<String, String> properties, String message) {
        runner.withPropertyValues(properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(OutboxConfigurationException.class).hasMessageContaining(message);
                });
    }
}
