package io.relaybox.outbox.spring;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

/**
 * Micrometer Tracing on the OpenTelemetry bridge with W3C propagation, wired as Spring Boot wires it for the services
 * (a tracer, and an observation registry whose tracing handlers continue a received message's trace).
 */
final class OtelTracing implements AutoCloseable {

    final SdkTracerProvider tracerProvider = SdkTracerProvider.builder().build();
    final OtelTracer tracer;
    final ObservationRegistry registry = ObservationRegistry.create();

    OtelTracing() {
        io.opentelemetry.api.trace.Tracer otelTracer = tracerProvider.get("test");
        tracer = new OtelTracer(otelTracer, new OtelCurrentTraceContext(), event -> {
        });
        OtelPropagator propagator = new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer);
        registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new PropagatingReceiverTracingObservationHandler<>(tracer, propagator), new DefaultTracingObservationHandler(tracer)));
    }

    @Override
    public void close() {
        tracerProvider.close();
    }
}
