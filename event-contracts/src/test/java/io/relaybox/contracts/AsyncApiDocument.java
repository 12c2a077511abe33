package io.relaybox.contracts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The module's {@code asyncapi.yaml} as the tests need it: channels with their messages, and of a message its name,
 * payload schema file and headers. Local references ({@code #/components/...}) are followed; the payload's file
 * reference is kept as written, because where it points is what the tests check. Checking the document's AsyncAPI
 * structure is the parser's job in the build ({@code src/build/validate-asyncapi.mjs}), not this class's.
 */
final class AsyncApiDocument {

    private static final YAMLMapper YAML = YAMLMapper.shared();
    private static final int MAX_REFERENCE_HOPS = 10;

    /**
     * One message of a channel.
     *
     * @param key the message's key in the channel's {@code messages} map
     * @param node the message object, its reference followed
     */
    record Message(String key, JsonNode node) {

        /** Its {@code name}, or null without one. */
        String name() {
            return text(node.get("name"));
        }
    }

    /**
     * One channel.
     *
     * @param id its key in {@code channels}
     * @param address the topic
     * @param messages its messages, in the document's order
     */
    record Channel(String id, String address, List<Message> messages) {
    }

    private final JsonNode root;

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    static AsyncApiDocument read(Path file) {
        return new AsyncApiDocument(YAML.readTree(file));
    }

    List<Channel> channels() {
        List<Channel> channels = new ArrayList<>();
        root.path("channels").forEachEntry((id, value) -> {
            JsonNode channel = resolve(value);
            List<Message> messages = new ArrayList<>();
            channel.path("messages").forEachEntry((key, message) -> messages.add(new Message(key, resolve(message))));
            channels.add(new Channel(id, text(channel.get("address")), List.copyOf(messages)));
        });
        return List.copyOf(channels);
    }

    Optional<Channel> channel(String address) {
        return channels().stream().filter(channel -> address.equals(channel.address())).findFirst();
    }

    /** The messages of {@code components.messages} by key. */
    Map<String, Message> componentMessages() {
        Map<String, Message> messages = new LinkedHashMap<>();
        root.path("components").path("messages").forEachEntry((key, message) -> messages.put(key, new Message(key, resolve(message))));
        return messages;
    }

    /**
     * The {@code $ref} of the message's payload schema, as written: in a multi-format schema object
     * ({@code payload.schema.$ref}) or a plain one ({@code payload.$ref}); empty when the payload references no file.
     */
    Optional<String> payloadReference(Message message) {
        JsonNode payload = resolve(message.node().path("payload"));
        JsonNode schema = payload.has("schemaFormat") || payload.has("schema") ? payload.path("schema") : payload;
        return Optional.ofNullable(text(schema.get("$ref"))).filter(reference -> !reference.startsWith("#"));
    }

    /** The names of the headers the message's {@code headers} schema describes, through {@code allOf} and references. */
    Set<String> headerNames(Message message) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode part : headerSchemaParts(message)) {
            names.addAll(part.path("properties").propertyNames());
        }
        return names;
    }

    /** The {@code const} that the message's {@code headers} schema gives a header, or null if none does. */
    String headerConst(Message message, String header) {
        for (JsonNode part : headerSchemaParts(message)) {
            String value = text(resolve(part.path("properties").path(header)).get("const"));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private List<JsonNode> headerSchemaParts(Message message) {
        JsonNode headers = resolve(message.node().path("headers"));
        List<JsonNode> parts = new ArrayList<>();
        parts.add(headers);
        headers.path("allOf").forEach(part -> parts.add(resolve(part)));
        return parts;
    }

    /** Follows a node's local {@code $ref} (also one that leads to another); other nodes are returned as they are. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hop = 0; hop < MAX_REFERENCE_HOPS; hop++) {
            String reference = text(current.get("$ref"));
            if (reference == null || !reference.startsWith("#/")) {
                return current;
            }
            current = root.at(reference.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalStateException("asyncapi.yaml: " + reference + " does not exist");
            }
        }
        throw new IllegalStateException("asyncapi.yaml: more than " + MAX_REFERENCE_HOPS + " references in a row at " + node);
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }
}
