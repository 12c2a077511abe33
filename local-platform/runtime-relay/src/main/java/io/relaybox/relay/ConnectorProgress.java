package io.relaybox.relay;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Where one relayed connector is: its state (as the engine reports it), the records it published, and when last. */
final class ConnectorProgress {

    /** A connector's life in the relay. */
    enum State {
        STARTING, RUNNING, STOPPED, FAILED
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
    private final AtomicLong published = new AtomicLong();
    private final AtomicReference<Instant> lastPublished = new AtomicReference<>();
    private final AtomicReference<String> failure = new AtomicReference<>();

    State state() {
        return state.get();
    }

    void state(State next) {
        state.set(next);
    }

    void failed(String reason) {
        failure.set(reason);
        state.set(State.FAILED);
    }

    void published(int records) {
        published.addAndGet(records);
        lastPublished.set(Instant.now());
    }

    /** What the status endpoint shows of it: state, records published, when last, and why it failed. */
    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("state", state.get().name());
        view.put("published", published.get());
        Optional.ofNullable(lastPublished.get()).ifPresent(last -> view.put("lastPublished", last.toString()));
        Optional.ofNullable(failure.get()).ifPresent(reason -> view.put("failure", reason));
        return view;
    }
}
