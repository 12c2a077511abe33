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
 */
public record ConversionSettings(String indexPrefix, String ordersIndex, Set<String> ordersTopics, Set<String> ordersEventTypes,
        OrderVersionSource versionSource) {

    public ConversionSettings {
        Objects.requireNonNull(indexPrefix, "indexPrefix");
        Objects.requireNonNull(ordersIndex, "ordersIndex");
        ordersTopics = Set.copyOf(ordersTopics);
        ordersEventTypes = Set.copyOf(ordersEventTypes);
        Objects.requireNonNull(versionSource, "versionSource");
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
