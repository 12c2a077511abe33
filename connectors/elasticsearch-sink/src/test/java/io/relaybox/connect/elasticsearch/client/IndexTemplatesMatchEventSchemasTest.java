package io.relaybox.connect.elasticsearch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.relaybox.connect.elasticsearch.ElasticsearchSinkConnectorConfig;
import io.relaybox.contracts.EventSchemas;
import io.relaybox.contracts.EventType;

/**
 * The sink's index templates against the event schemas (event-contracts): a mapped field that no payload has stays
 * empty in every document, and usually means a field was renamed in a schema and not in the template, or the other way
 * round. Every field a template maps must therefore come from a payload's schema, or be one the sink adds itself, listed
 * here by name ({@link #EVENT_ENVELOPE}, {@link #ORDER_LAST_EVENT}; see {@code DocumentConverter}).
 * <ul>
 * <li>{@code relaybox-events} ({@code events-*}): one document per event, the envelope the sink builds from the record's
 * headers and position, and the payload as it came under {@code payload}: the fields under {@code payload} must be in
 * some event schema.</li>
 * <li>{@code relaybox-orders} ({@code orders}): the payload of the latest order event ({@code orders.event.types}) at
 * the root, and the sink's {@code lastEvent}: the other fields must be in the schema of one of those order events.</li>
 * <li>{@code relaybox-figures} ({@code analytics-*}) is not checked: it maps the analytics application's figures per
 * key and window ({@code document.mode=keyed-json}), which are no events and have no schema here.</li>
 * </ul>
 * Every version of every schema counts (v1, v2, ... as far as the files go): an index holds events of old versions too.
 */
class IndexTemplatesMatchEventSchemasTest {

    /** What the sink puts next to {@code payload} in an event document, from the record's headers and position. */
    private static final Set<String> EVENT_ENVELOPE = Set.of("eventId", "type", "aggregateId", "occurredAt", "schemaVersion", "topic",
            "partition", "offset", "indexedAt", "endToEndLagMs", "traceparent", "trace.id", "span.id", "headers");
    /** The sink's own object in an order document: which event wrote it, and the document's external version. */
    private static final String LAST_EVENT = "lastEvent.";
    private static final Set<String> ORDER_LAST_EVENT = Set.of("lastEvent.eventId", "lastEvent.type", "lastEvent.occurredAt",
            "lastEvent.topic", "lastEvent.partition", "lastEvent.offset", "lastEvent.version");
    private static final String PAYLOAD = "payload.";
    private static final String TEMPLATES = "io/relaybox/connect/elasticsearch/index-templates/";
    private static final Set<String> CHECKED = Set.of(IndexTemplates.EVENTS_TEMPLATE, IndexTemplates.ORDERS_TEMPLATE);
    private static final Set<String> NOT_EVENTS = Set.of(IndexTemplates.FIGURES_TEMPLATE);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void mapsUnderPayloadOnlyFieldsThatAnEventSchemaHas() {
        Set<String> payloadFields = payloadFields(mappedFields(IndexTemplates.EVENTS_TEMPLATE));
        Map<String, Set<String>> schemas = schemaFields(List.of(EventType.values()));

        assertThat(payloadFields).as("the fields relaybox-events maps under payload").isNotEmpty();
        assertThat(notIn(payloadFields, schemas.values()))
                .as("fields relaybox-events maps under payload that no event schema has (schemas read: %s)", schemas.keySet())
                .isEmpty();
    }

    @Test
    void mapsBesidesThePayloadOnlyTheEnvelopeTheSinkAdds() {
        Set<String> envelope = new TreeSet<>(mappedFields(IndexTemplates.EVENTS_TEMPLATE));
        envelope.removeIf(field -> field.startsWith(PAYLOAD));

        assertThat(envelope).as("the fields relaybox-events maps outside payload").containsExactlyInAnyOrderElementsOf(EVENT_ENVELOPE);
    }

    @Test
    void mapsInTheOrdersIndexOnlyFieldsOfTheOrderEventSchemasAndTheLastEvent() {
        Set<String> mapped = mappedFields(IndexTemplates.ORDERS_TEMPLATE);
        List<EventType> orderEvents = orderEventTypes();
        Map<String, Set<String>> schemas = schemaFields(orderEvents);
        Set<String> fromPayload = new TreeSet<>(mapped);
        fromPayload.removeIf(field -> field.startsWith(LAST_EVENT));

        assertThat(orderEvents).as("the order event types (orders.event.types)").isNotEmpty();
        assertThat(notIn(fromPayload, schemas.values()))
                .as("fields relaybox-orders maps that no order event schema has (schemas read: %s)", schemas.keySet()).isEmpty();
        assertThat(mapped).filteredOn(field -> field.startsWith(LAST_EVENT)).containsExactlyInAnyOrderElementsOf(ORDER_LAST_EVENT);
    }

    @Test
    void checksEveryBundledTemplateButTheFiguresWhichHoldNoEvents() throws IOException, URISyntaxException {
        URL folder = IndexTemplates.class.getClassLoader().getResource(TEMPLATES);
        assertThat(folder).as(TEMPLATES).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("every bundled template is checked here or said to hold no events")
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(CHECKED.stream(), NOT_EVENTS.stream()).map(name -> name + ".json").toList());
        }
    }

    /** The fields of the bundled template's mappings, as the sink installs it for the default index names. */
    private static Set<String> mappedFields(String templateName) {
        IndexTemplates.IndexTemplate template = IndexTemplates.bundled("events-", "orders").stream()
                .filter(bundled -> bundled.name().equals(templateName)).findFirst().orElseThrow();
        try {
            return FieldPaths.ofMapping(JSON.readTree(template.body()).path("template").path("mappings").path("properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> payloadFields(Set<String> eventFields) {
        Set<String> payload = new TreeSet<>();
        eventFields.stream().filter(field -> field.startsWith(PAYLOAD)).forEach(field -> payload.add(field.substring(PAYLOAD.length())));
        return payload;
    }

    /** The fields of every schema version of the types, by schema resource; every type has at least v1. */
    private static Map<String, Set<String>> schemaFields(Collection<EventType> types) {
        Map<String, Set<String>> fields = new TreeMap<>();
        for (EventType type : types) {
            for (int version = 1;; version++) {
                String resource = EventSchemas.resource(type.typeName(), version);
                try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        assertThat(version).as("%s has a schema", type.typeName()).isGreaterThan(1);
                        break;
                    }
                    fields.put(resource, FieldPaths.ofSchema(JSON.readTree(in)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return fields;
    }

    /** The event types whose payload the sink writes to the orders index: the connector's default orders.event.types. */
    private static List<EventType> orderEventTypes() {
        Object types = ElasticsearchSinkConnectorConfig.CONFIG_DEF.configKeys().get(ElasticsearchSinkConnectorConfig.ORDERS_EVENT_TYPES_CONFIG).defaultValue;
        return ((List<?>) types).stream().map(name -> EventType.of(name.toString())
                .orElseThrow(() -> new AssertionError("orders.event.types names " + name + ", which is no event type"))).toList();
    }

    private static Set<String> notIn(Set<String> fields, Collection<Set<String>> schemas) {
        Set<String> missing = new TreeSet<>(fields);
        schemas.forEach(missing::removeAll);
        return missing;
    }
}
