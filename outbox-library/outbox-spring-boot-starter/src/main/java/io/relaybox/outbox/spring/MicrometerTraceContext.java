package io.relaybox.outbox.spring;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;

import io.micrometer.tracing.Tracer;
import io.relaybox.outbox.TraceContext;

/** The W3C traceparent of Micrometer Tracing's current span; empty without a tracer or a current span. */
final class MicrometerTraceContext implements TraceContext {

    private static final String ZEROS = "0".repeat(32);

    private final ObjectProvider<Tracer> tracers;
    private volatile Optional<Tracer> tracer;

    MicrometerTraceContext(ObjectProvider<Tracer> tracers) {
        this.tracers = tracers;
    }

    @Override
    public Optional<String> currentTraceparent() {
        return tracer().map(current -> current.currentTraceContext().context()).map(context -> "00-"
                + leftPad(context.traceId(), 32) + "-" + leftPad(context.spanId(), 16) + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00"));
    }

    // looked up on first use, when every bean exists, whatever the order of the auto-configurations
    private Optional<Tracer> tracer() {
        Optional<Tracer> resolved = tracer;
        if (resolved == null) {
            resolved = Optional.ofNullable(tracers.getIfUnique());
            tracer = resolved;
        }
        return resolved;
    }

    /** 64-bit (B3) trace ids are widened to the 128 bits W3C requires. */
    private static String leftPad(String hex, int length) {
        return hex.length() >= length ? hex : ZEROS.substring(0, length - hex.length()) + hex;
    }
}
