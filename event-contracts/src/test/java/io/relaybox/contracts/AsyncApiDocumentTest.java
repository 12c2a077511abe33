package io.relaybox.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.relaybox.contracts.AsyncApiDocument.Channel;
import io.relaybox.contracts.AsyncApiDocument.Message;
import tools.jackson.databind.JsonNode;

/**
 * The AsyncAPI document ({@code asyncapi.yaml}) against the code, so that it cannot fall behind: the parser in the build
 * proves it is a valid document, these tests that it describes what the platform publishes. Every event type and every
 * schema version of it (the schema files there are, not only up to {@link EventType#currentVersion()}) has its message
 * {@code <EventType>.v<N>} on the channel of its topic, with the schema file as payload; every message on an event topic
 * names an existing schema file of its own type and version; every event message lists the headers the Outbox Event
 * Router writes. Each failure names what is missing or wrong, so that a new {@code v2.json} says which message to add.
 */
class AsyncApiDocumentTest {

    /**
     * The headers of every event record: the router's {@code id} and the outbox columns it places as headers
     * ({@code table.fields.additional.placement} in {@code connect-config/connectors/*-outbox-source.json}), as
     * outbox-kafka-consumer's {@code RecordDecoder} reads them.
     */
    private static final Set<String> EVENT_HEADERS = Set.of("id", "type", "schemaversion", "occurredat", "traceparent", "headers");
    /** The only message of a dead-letter topic: a record of any type, as it came, plus the reason headers. */
    private static final String DEAD_LETTER = "DeadLetter";
    /** Payload references are relative to the document, which lies in the module's folder. */
    private static final String RESOURCES = "./src/main/resources/";
    private static final Pattern SCHEMA_REFERENCE = Pattern.compile(Pattern.quote(RESOURCES) + "(schemas/([A-Za-z0-9]+)/v([1-9][0-9]*)\\.json)");

    private final Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private final AsyncApiDocument document = AsyncApiDocument.read(module.resolve("asyncapi.yaml"));

    @Test
    void describesEveryVersionOfEveryEventTypeOnTheChannelOfItsTopic() {
        List<String> missing = new ArrayList<>();
        for (EventType type : EventType.values()) {
            String topic = type.aggregate().topic();
            Optional<Channel> channel = document.channel(topic);
            if (channel.isEmpty()) {
                missing.add("a channel with the address " + topic + " (the topic of " + type.typeName() + ")");
                continue;
            }
            for (int version : versions(type)) {
                String name = messageName(type.typeName(), version);
                String reference = RESOURCES + EventSchemas.resource(type.typeName(), version);
                List<Message> named = channel.get().messages().stream().filter(message -> name.equals(message.name())).toList();
                if (named.isEmpty()) {
                    missing.add("the message " + name + " on the channel " + channel.get().id() + " (" + topic + "), with payload $ref "
                            + reference);
                }
                named.stream().filter(message -> !document.payloadReference(message).equals(Optional.of(reference)))
                        .forEach(message -> missing.add("the payload $ref " + reference + " of " + name + " on " + topic + " (it is "
                                + document.payloadReference(message).orElse("none") + ")"));
            }
        }
        assertThat(missing).as("asyncapi.yaml lacks").isEmpty();
    }

    @Test
    void namesAnExistingSchemaFileOfItsOwnTypeAndVersionInEveryMessageOfAnEventTopic() {
        List<String> wrong = new ArrayList<>();
        for (Channel channel : eventChannels()) {
            for (Message message : channel.messages()) {
                String what = "message " + message.key() + " on " + channel.address();
                Optional<String> reference = document.payloadReference(message);
                Matcher schema = SCHEMA_REFERENCE.matcher(reference.orElse(""));
                if (!schema.matches()) {
                    wrong.add(what + ": its payload $ref is " + reference.orElse("missing") + ", not " + RESOURCES
                            + "schemas/<EventType>/v<N>.json");
                    continue;
                }
                String type = schema.group(2);
                String version = schema.group(3);
                if (!Files.isRegularFile(module.resolve(reference.get())) || getClass().getClassLoader().getResource(schema.group(1)) == null) {
                    wrong.add(what + ": its payload names " + reference.get() + ", which does not exist");
                }
                String topic = EventType.of(type).map(known -> known.aggregate().topic()).orElse(null);
                if (!channel.address().equals(topic)) {
                    wrong.add(what + ": a " + type + " is published to " + (topic == null ? "no topic (no EventType has that name)" : topic));
                }
                expect(wrong, what + ": name", message.name(), messageName(type, Integer.parseInt(version)));
                expect(wrong, what + ": header type", document.headerConst(message, "type"), type);
                expect(wrong, what + ": header schemaversion", document.headerConst(message, "schemaversion"), version);
            }
        }
        assertThat(wrong).as("wrong in asyncapi.yaml").isEmpty();
    }

    @Test
    void listsTheHeadersTheOutboxEventRouterWritesOnEveryEventMessage() {
        List<String> wrong = new ArrayList<>();
        for (Channel channel : eventChannels()) {
            for (Message message : channel.messages()) {
                Set<String> headers = document.headerNames(message);
                if (!headers.equals(EVENT_HEADERS)) {
                    wrong.add("message " + message.key() + " on " + channel.address() + " lists the headers " + new TreeSet<>(headers)
                            + ", expected " + new TreeSet<>(EVENT_HEADERS));
                }
            }
        }
        assertThat(wrong).as("wrong in asyncapi.yaml").isEmpty();
    }

    @Test
    void hasAChannelForEveryEventTopicAndItsDeadLetterTopicAndNoOther() {
        List<String> topics = topics().toList();

        assertThat(document.channels()).extracting(Channel::address)
                .containsExactlyInAnyOrderElementsOf(Stream.concat(topics.stream(), topics.stream().map(topic -> topic + ".dlq")).toList());
        assertThat(document.channels()).filteredOn(channel -> channel.address().endsWith(".dlq"))
                .allSatisfy(channel -> assertThat(channel.messages()).as(channel.address()).extracting(Message::name)
                        .containsExactly(DEAD_LETTER));
    }

    @Test
    void hasNoMessageThatIsOnNoChannel() {
        Set<JsonNode> onChannels = Collections.newSetFromMap(new IdentityHashMap<>());
        document.channels().forEach(channel -> channel.messages().forEach(message -> onChannels.add(message.node())));

        assertThat(document.componentMessages()).as("components.messages").isNotEmpty()
                .allSatisfy((key, message) -> assertThat(onChannels).as("the channels list " + key).contains(message.node()));
    }

    /** The versions with a schema file, and those up to the current one (whose missing file the document would name). */
    private static SortedSet<Integer> versions(EventType type) {
        SortedSet<Integer> versions = SchemaFiles.versions(type.typeName());
        for (int version = 1; version <= type.currentVersion(); version++) {
            versions.add(version);
        }
        return versions;
    }

    private List<Channel> eventChannels() {
        Set<String> topics = Set.copyOf(topics().toList());
        List<Channel> channels = document.channels().stream().filter(channel -> topics.contains(channel.address())).toList();
        assertThat(channels).as("the channels of the event topics").isNotEmpty();
        return channels;
    }

    private static Stream<String> topics() {
        return Arrays.stream(EventType.Aggregate.values()).map(EventType.Aggregate::topic);
    }

    private static String messageName(String typeName, int version) {
        return typeName + ".v" + version;
    }

    private static void expect(List<String> wrong, String what, String actual, String expected) {
        if (!expected.equals(actual)) {
            wrong.add(what + " is " + actual + ", expected " + expected);
        }
    }
}
