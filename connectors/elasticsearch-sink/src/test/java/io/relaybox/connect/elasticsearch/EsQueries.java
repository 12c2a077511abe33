package io.relaybox.connect.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

/** What the tests ask Elasticsearch: counts, documents with their versions, sums per hour. */
final class EsQueries {

    private final ElasticsearchClient es;

    EsQueries(ElasticsearchClient es) {
        this.es = es;
    }

    /** Documents in the indices (after a refresh, so that everything written is searchable). */
    long count(String indices) {
        try {
            es.indices().refresh(r -> r.index(indices).ignoreUnavailable(true).allowNoIndices(true));
            return es.count(c -> c.index(indices).ignoreUnavailable(true).allowNoIndices(true)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document (up to 10,000) by id. */
    Map<String, Hit<ObjectNode>> documents(String indices) {
        try {
            es.indices().refresh(r -> r.index(indices));
            SearchResponse<ObjectNode> response = es.search(s -> s.index(indices).size(10_000).version(true)
                    .query(q -> q.matchAll(m -> m)), ObjectNode.class);
            Map<String, Hit<ObjectNode>> documents = new HashMap<>();
            response.hits().hits().forEach(h -> documents.put(h.id(), h));
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sum of a numeric field per calendar hour of a date field, over the documents the query matches; empty hours left out. */
    Map<Instant, BigDecimal> sumPerHour(String indices, Query query, String dateField, String sumField) {
        try {
            es.indices().refresh(r -> r.index(indices));
            SearchResponse<Void> response = es.search(s -> s.index(indices).size(0).query(query)
                    .aggregations("per_hour", a -> a.dateHistogram(h -> h.field(dateField).calendarInterval(CalendarInterval.Hour))
                            .aggregations("total", t -> t.sum(sum -> sum.field(sumField)))), Void.class);
            Map<Instant, BigDecimal> sums = new TreeMap<>();
            for (DateHistogramBucket bucket : response.aggregations().get("per_hour").dateHistogram().buckets().array()) {
                if (bucket.docCount() > 0) {
                    double value = bucket.aggregations().get("total").sum().value();
                    sums.put(Instant.ofEpochMilli(bucket.key()), BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
                }
            }
            return sums;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
