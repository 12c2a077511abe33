package io.relaybox.outbox.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;

class MicrometerTraceContextTest {

    private final SimpleTracer tracer = new SimpleTracer();
    private final MicrometerTraceContext traceContext = new MicrometerTraceContext(tracerProvider(tracer));

    @Test
    @SuppressWarnings("try") // the scope only has to be open
    void formatsTheCurrentSpanAsW3cTraceparent() {
        SimpleSpan span = span("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true);

        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            assertThat(traceContext.currentTraceparent())
                    .contains("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        }
    }

    @Test
    @SuppressWarnings("try") // the scope only has to be open
    void widensA64BitTraceIdAndMarksUnsampledSpans() {
        SimpleSpan span = span("a3ce929d0e0e4736", "00f067aa0ba902b7", false);

        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            assertThat(traceContext.currentTraceparent())
                    .contains("00-0000000000000000a3ce929d0e0e4736-00f067aa0ba902b7-00");
        }
    }

    @Test
    void isEmptyWithoutACurrentSpan() {
        assertThat(traceContext.currentTraceparent()).isEmpty();
    }

    @Test
    void isEmptyWithoutATracer() {
        assertThat(new MicrometerTraceContext(new StaticListableBeanFactory().getBeanProvider(Tracer.class))
                .currentTraceparent()).isEmpty();
    }

    private SimpleSpan span(String traceId, String spanId, boolean sampled) {
        SimpleSpan span = tracer.nextSpan();
        span.context().setTraceId(traceId);
        span.context().setSpanId(spanId);
        span.context().setSampled(sampled);
        return span;
    }

    private static ObjectProvider<Tracer> tracerProvider(Tracer tracer) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("tracer", tracer);
        return beans.getBeanProvider(Tracer.class);
    }
}
