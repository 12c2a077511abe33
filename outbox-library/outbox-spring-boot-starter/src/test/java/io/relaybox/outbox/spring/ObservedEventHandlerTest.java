package io.relaybox.outbox.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.relaybox.outbox.inbox.EventHandler;
import io.relaybox.outbox.inbox.InboxEvent;

/** The inbox's trace continuation, against the OpenTelemetry bridge the services run with. */
class ObservedEventHandlerTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PRODUCER_SPAN_ID = "00f067aa0ba902b7";

    private final OtelTracing tracing = new OtelTracing();
    private final OtelTracer tracer = tracing.tracer;
    private final List<Observation.Context> stopped = new ArrayList<>();
    private final ObservationRegistry registry = tracing.registry;
    private final MicrometerTraceContext outboxTraceContext = new MicrometerTraceContext(tracerProvider(tracer));

    ObservedEventHandlerTest() {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
    }

    @AfterEach
    void closeTracerProvider() {
        tracing.close();
    }

    @Test
    void handlesTheEventInAChildSpanOfTheRecordsTraceparent() throws Exception {
        AtomicReference<Span> handledIn = new AtomicReference<>();
        AtomicReference<Optional<String>> outboxTraceparent = new AtomicReference<>();
        EventHandler handler = observed((event, connection) -> {
            handledIn.set(tracer.currentSpan());
            outboxTraceparent.set(outboxTraceContext.currentTraceparent());
        });

        handler.handle(event("00-" + TRACE_ID + "-" + PRODUCER_SPAN_ID + "-01"), null);

        assertThat(handledIn.get()).as("a span is current while the handler runs").isNotNull();
        assertThat(handledIn.get().context().traceId()).isEqualTo(TRACE_ID);
        assertThat(handledIn.get().context().parentId()).isEqualTo(PRODUCER_SPAN_ID);
        assertThat(handledIn.get().context().spanId()).isNotEqualTo(PRODUCER_SPAN_ID);
        assertThat(outboxTraceparent.get()).as("what the handler's outbox events are written with")
                .contains("00-" + TRACE_ID + "-" + handledIn.get().context().spanId() + "-01");
        assertThat(tracer.currentSpan()).as("no span is left current after the handler").isNull();
    }

    @Test
    void startsANewTraceForAnEventWithoutTraceparent() throws Exception {
        AtomicReference<Span> handledIn = new AtomicReference<>();
        EventHandler handler = observed((event, connection) -> handledIn.set(tracer.currentSpan()));

        handler.handle(event(null), null);

        assertThat(handledIn.get()).isNotNull();
        assertThat(handledIn.get().context().traceId()).hasSize(32).isNotEqualTo("0".repeat(32));
        assertThat(handledIn.get().context().parentId()).isNull();
    }

    @Test
    void namesConsumerAndTypeAndRecordsTheHandlersFailure() {
        IllegalStateException failure = new IllegalStateException("stock table locked");
        EventHandler handler = observed((event, connection) -> {
            throw failure;
        });

        assertThatThrownBy(() -> handler.handle(event(null), null)).isSameAs(failure);

        assertThat(stopped).hasSize(1);
        Observation.Context context = stopped.get(0);
        assertThat(context.getName()).isEqualTo(ObservedEventHandler.OBSERVATION_NAME);
        assertThat(context.getLowCardinalityKeyValues()).contains(KeyValue.of("consumer", "inventory-service"),
                KeyValue.of("type", "OrderPlaced"));
        assertThat(context.getError()).isSameAs(failure);
    }

    @Test
    void passesBeforeBatchToTheApplicationsHandler() throws Exception {
        List<List<InboxEvent>> batches = new ArrayList<>();
        EventHandler application = new EventHandler() {
            @Override
            public void handle(InboxEvent event, Connection connection) {
            }

            @Override
            public void beforeBatch(List<InboxEvent> events, Connection connection) {
                batches.add(events);
            }
        };
        List<InboxEvent> batch = List.of(event(null));

        observed(application).beforeBatch(batch, null);

        assertThat(batches).containsExactly(batch);
    }

    private EventHandler observed(EventHandler application) {
        return new ObservedEventHandler(application, "inventory-service", registry);
    }

    private static InboxEvent event(String traceparent) {
        return new InboxEvent(UUID.randomUUID(), "OrderPlaced", 1, "order-1", null, traceparent, Map.of(), "{}");
    }

    private static org.springframework.beans.factory.ObjectProvider<Tracer> tracerProvider(Tracer tracer) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("tracer", tracer);
        return beans.getBeanProvider(Tracer.class);
    }
}
