package io.relaybox.contracts;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.Upcaster;
import io.relaybox.outbox.inbox.UnparseablePayloadException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place that knows how an event of an older schema version reads in the current one: each step rewrites a
 * payload from version N to N+1, and an event goes through every step up to its type's current version. Consumers
 * register handlers for the current versions only and pass {@link #toCurrentVersions()} to their inbox; the archive's
 * old events replayed later take the same path.
 *
 * <p>Steps: the order events v1 -> v2 add {@code salesChannel: WEB} (before v2 every order came through the web API).
 */
public final class EventUpcasters implements Upcaster {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Set<String> ORDER_EVENTS = Set.of(EventType.ORDER_PLACED.typeName(), EventType.ORDER_CONFIRMED.typeName(),
            EventType.ORDER_CANCELLED.typeName());
    private static final UnaryOperator<ObjectNode> SALES_CHANNEL_WEB = order -> {
        if (!order.has("salesChannel")) {
            order.put("salesChannel", "WEB");
        }
        return order;
    };

    private static final EventUpcasters INSTANCE = new EventUpcasters();

    private final Map<Step, UnaryOperator<ObjectNode>> steps;

    private EventUpcasters() {
        Map<Step, UnaryOperator<ObjectNode>> all = new HashMap<>();
        ORDER_EVENTS.forEach(type -> all.put(new Step(type, 1), SALES_CHANNEL_WEB));
        this.steps = Map.copyOf(all);
    }

    /** Every event type of the platform to its current version. */
    public static EventUpcasters toCurrentVersions() {
        return INSTANCE;
    }

    @Override
    public int handledVersion(String type, int schemaVersion) {
        int version = schemaVersion;
        while (steps.containsKey(new Step(type, version))) {
            version++;
        }
        return version;
    }

    @Override
    public InboxEvent upcast(InboxEvent event) {
        int target = handledVersion(event.type(), event.schemaVersion());
        if (target == event.schemaVersion()) {
            return event;
        }
        return event.asVersion(target, upcast(event.type(), event.schemaVersion(), event.payload()));
    }

    /**
     * A payload of a type and version, rewritten into the type's handled version (see {@link #handledVersion}).
     *
     * @throws UnparseablePayloadException when the payload is not a JSON object
     */
    public String upcast(String type, int schemaVersion, String payload) {
        JsonNode tree;
        try {
            tree = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new UnparseablePayloadException("cannot upcast " + type + " v" + schemaVersion + ": " + e.getOriginalMessage(), e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new UnparseablePayloadException("cannot upcast " + type + " v" + schemaVersion + ": the payload is not a JSON object", null);
        }
        ObjectNode current = object;
        for (int version = schemaVersion; steps.containsKey(new Step(type, version)); version++) {
            current = steps.get(new Step(type, version)).apply(current);
        }
        return JSON.writeValueAsString(current);
    }

    /** Rewrites {@code type} from {@code fromVersion} to the next version. */
    private record Step(String type, int fromVersion) {
    }
}
