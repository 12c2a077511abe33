package io.relaybox.connect.elasticsearch.convert;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How records become documents.
 *
 * @param indexPrefix events go to {@code <indexPrefix><topic in lower case>}
 * @param ordersIndex the index of the order-state documents
 * @param ordersTopics topics whose order events also update {@code ordersIndex}
 * @param ordersEventTypes event types whose payload is the order's full state
 * @param versionSource where an order document's external version comes from
 * @param mode what a record is: an outbox event, or a keyed JSON document
 */
public record ConversionSettings(String indexPrefix, String ordersIndex, Set<String> ordersTopics, Set<String> ordersEventTypes,
        OrderVersionSource versionSource, DocumentMode mode) {

    /** Settings for outbox events. */
    public ConversionSettings(String indexPrefix, String ordersIndex, Set<String> ordersTopics, Set<String> ordersEventTypes,
            OrderVersionSource versionSource) {
        this(indexPrefix, ordersIndex, ordersTopics, ordersEventTypes, versionSource, DocumentMode.OUTBOX);
    }

    public ConversionSettings {
        Objects.requireNonNull(indexPrefix, "indexPrefix");
        Objects.requireNonNull(ordersIndex, "ordersIndex");
        ordersTopics = Set.copyOf(ordersTopics);
        ordersEventTypes = Set.copyOf(ordersEventTypes);
        Objects.requireNonNull(versionSource, "versionSource");
        Objects.requireNonNull(mode, "mode");
    }

    /**
     * The index of a keyed document: {@code <indexPrefix><the topic's name after its first dot>}, in lower case, e.g.
     * {@code analytics.revenue-per-hour} with the prefix {@code analytics-} goes to {@code analytics-revenue-per-hour}; a
     * topic without a dot gives its whole name.
     */
    public String keyedIndex(String topic) {
        int dot = topic.indexOf('.');
        return indexPrefix + (dot < 0 ? topic : topic.substring(dot + 1)).toLowerCase(Locale.ROOT);
    }

    /** The event index of a topic. */
    public String eventIndex(String topic) {
        return indexPrefix + topic.toLowerCase(Locale.ROOT);
    }

    /** True when the event also updates the order index. */
    public boolean updatesOrder(String topic, String type) {
        return ordersTopics.contains(topic) && ordersEventTypes.contains(type);
    }
}
