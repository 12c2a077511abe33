package io.relaybox.connect.elasticsearch.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;

/** {@link BulkClient} over the Elasticsearch Java client; documents travel as the bytes the converter made. */
public final class ElasticsearchBulkClient implements BulkClient {

    private static final String JSON = "application/json";

    private final ElasticsearchClient client;

    public ElasticsearchBulkClient(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public List<ItemResult> bulk(List<DocumentWrite> writes) {
        List<BulkOperation> operations = new ArrayList<>(writes.size());
        for (DocumentWrite write : writes) {
            operations.add(BulkOperation.of(op -> op.index(index -> {
                index.index(write.index()).id(write.id()).document(BinaryData.of(write.source(), JSON));
                write.externalVersion().ifPresent(version -> index.version(version).versionType(VersionType.External));
                return index;
            })));
        }
        BulkResponse response;
        try {
            response = client.bulk(BulkRequest.of(request -> request.operations(operations)));
        } catch (IOException | ElasticsearchException e) {
            throw RequestFailedException.of("a bulk request of " + writes.size() + " documents", e);
        }
        List<BulkResponseItem> items = response.items();
        if (items.size() != writes.size()) {
            throw new RequestFailedException("Elasticsearch answered " + items.size() + " items to a bulk request of " + writes.size(),
                    false, java.util.OptionalInt.empty(), null);
        }
        List<ItemResult> results = new ArrayList<>(items.size());
        for (BulkResponseItem item : items) {
            ErrorCause error = item.error();
            results.add(error == null ? ItemResult.ok(item.status()) : new ItemResult(item.status(), error.type(), error.reason()));
        }
        return results;
    }
}
