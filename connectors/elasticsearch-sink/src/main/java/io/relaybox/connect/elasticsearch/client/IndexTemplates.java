package io.relaybox.connect.elasticsearch.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;

/**
 * The composable index templates of the sink's indices (explicit keyword, date and numeric mappings, no dynamic
 * mapping): {@code relaybox-events} for {@code events-*} and {@code relaybox-orders} for {@code orders}. Their one
 * source is this module's resources ({@code io/relaybox/connect/elasticsearch/index-templates/<name>.json}, the body of
 * {@code PUT _index_template/<name>}); the task installs them ({@code index.templates.install}) and the plugin zip
 * carries a copy in {@code etc/index-templates} for clusters where it may not.
 */
public final class IndexTemplates {

    public static final String EVENTS_TEMPLATE = "relaybox-events";
    public static final String ORDERS_TEMPLATE = "relaybox-orders";
    public static final String FIGURES_TEMPLATE = "relaybox-figures";
    private static final String RESOURCES = "io/relaybox/connect/elasticsearch/index-templates/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One template.
     *
     * @param name the template's name
     * @param body the body of {@code PUT _index_template/<name>}
     */
    public record IndexTemplate(String name, String body) {

        public IndexTemplate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(body, "body");
        }
    }

    private IndexTemplates() {
    }

    /**
     * The bundled templates for the sink's index names. With other names than the defaults ({@code events-},
     * {@code orders}) the patterns follow them and the template names get the index names as suffix, so that sinks
     * with different indices keep their own templates.
     */
    public static List<IndexTemplate> bundled(String indexPrefix, String ordersIndex) {
        return List.of(
                adapt(resource(EVENTS_TEMPLATE), EVENTS_TEMPLATE, indexPrefix + "*", "events-".equals(indexPrefix) ? "" : indexPrefix),
                adapt(resource(ORDERS_TEMPLATE), ORDERS_TEMPLATE, ordersIndex, "orders".equals(ordersIndex) ? "" : ordersIndex));
    }

    /**
     * The bundled template for keyed figure documents ({@code document.mode=keyed-json}) under the prefix: the
     * window's bounds as dates, text as keywords, numbers as numbers.
     */
    public static List<IndexTemplate> figures(String indexPrefix) {
        return List.of(adapt(resource(FIGURES_TEMPLATE), FIGURES_TEMPLATE, indexPrefix + "*", "analytics-".equals(indexPrefix) ? "" : indexPrefix));
    }

    /**
     * Creates or replaces each template, and adds the fields it maps to the indices that already match it (written by an
     * older version of the sink), so that a field added in a release, such as {@code trace.id}, is searchable there
     * too. Fields the indices map already keep their mapping.
     *
     * @return the template names
     * @throws RequestFailedException when Elasticsearch refuses one (a field an existing index maps differently) or
     *         cannot be reached
     */
    public static List<String> install(ElasticsearchClient client, List<IndexTemplate> templates) {
        List<String> names = new ArrayList<>();
        for (IndexTemplate template : templates) {
            try {
                client.indices().putIndexTemplate(request -> request.name(template.name()).withJson(new StringReader(template.body())));
            } catch (IOException | ElasticsearchException e) {
                throw RequestFailedException.of("installing the index template " + template.name(), e);
            }
            addFieldsToExistingIndices(client, template);
            names.add(template.name());
        }
        return names;
    }

    private static void addFieldsToExistingIndices(ElasticsearchClient client, IndexTemplate template) {
        String pattern;
        String mappings;
        try {
            JsonNode body = JSON.readTree(template.body());
            pattern = body.path("index_patterns").path(0).asText();
            mappings = JSON.writeValueAsString(body.path("template").path("mappings"));
        } catch (IOException e) {
            throw new IllegalStateException("the index template " + template.name() + " is not JSON", e);
        }
        try {
            client.indices().putMapping(request -> request.index(pattern).allowNoIndices(true).ignoreUnavailable(true)
                    .withJson(new StringReader(mappings)));
        } catch (IOException | ElasticsearchException e) {
            throw RequestFailedException.of("adding the fields of the index template " + template.name() + " to the existing indices "
                    + pattern, e);
        }
    }

    private static IndexTemplate adapt(String body, String name, String pattern, String suffix) {
        try {
            ObjectNode template = (ObjectNode) JSON.readTree(body);
            template.putArray("index_patterns").add(pattern);
            String fullName = suffix.isEmpty() ? name : name + "-" + suffix.replaceAll("[^a-z0-9]+", "-").replaceAll("-+$", "");
            return new IndexTemplate(fullName, JSON.writeValueAsString(template));
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("the bundled index template " + name + " is not a JSON object", e);
        }
    }

    private static String resource(String name) {
        String path = RESOURCES + name + ".json";
        try (InputStream in = IndexTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the connector jar lacks " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
