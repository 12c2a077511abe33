package io.relaybox.connectctl.it;

import java.util.ArrayList;
import java.util.List;

import io.relaybox.testkit.TestStack;

/** What a test deployed, removed after it: its connectors from the worker, then its replication slots from PostgreSQL. */
final class ConnectorCleanup {

    private final TestStack stack;
    private final List<String> connectors = new ArrayList<>();
    private final List<String> slots = new ArrayList<>();

    ConnectorCleanup(TestStack stack) {
        this.stack = stack;
    }

    /** Remembers a connector to delete; returns its name. */
    String connector(String name) {
        connectors.add(name);
        return name;
    }

    /** Remembers a replication slot to drop; returns its name. */
    String slot(String name) {
        slots.add(name);
        return name;
    }

    void run() {
        connectors.forEach(stack.client()::delete);
        slots.forEach(slot -> TestConnectors.dropSlot(stack.postgres(), slot));
        connectors.clear();
        slots.clear();
    }
}
