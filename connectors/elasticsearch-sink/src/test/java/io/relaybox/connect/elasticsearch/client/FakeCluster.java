package io.relaybox.connect.elasticsearch.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * An in-memory cluster behind {@link BulkClient}: stores documents (honouring external versions: 409 when not newer),
 * and answers with scripted failures first: whole-request failures, or a per-document rule.
 */
public final class FakeCluster implements BulkClient {

    /** Stored documents by index/id. */
    public final Map<String, Stored> documents = new LinkedHashMap<>();
    /** Every request's size, in order. */
    public final List<Integer> requests = new ArrayList<>();
    private final Deque<RuntimeException> requestFailures = new ArrayDeque<>();
    private Function<DocumentWrite, ItemResult> itemRule = write -> null;

    /**
     * A stored document.
     *
     * @param version its version (external, or a counter)
     * @param source its JSON
     */
    public record Stored(long version, String source) {
    }

    /** The next requests fail as a whole, one failure each. */
    public FakeCluster failRequests(RuntimeException... failures) {
        requestFailures.addAll(List.of(failures));
        return this;
    }

    /** Answers for single documents: null means "store it". */
    public FakeCluster withItemRule(Function<DocumentWrite, ItemResult> rule) {
        this.itemRule = rule;
        return this;
    }

    public static RequestFailedException transientFailure(int status) {
        return new RequestFailedException("HTTP " + status, true, OptionalInt.of(status), null);
    }

    public static RequestFailedException permanentFailure(int status) {
        return new RequestFailedException("HTTP " + status, false, OptionalInt.of(status), null);
    }

    @Override
    public synchronized List<ItemResult> bulk(List<DocumentWrite> writes) {
        requests.add(writes.size());
        if (!requestFailures.isEmpty()) {
            throw requestFailures.poll();
        }
        List<ItemResult> results = new ArrayList<>();
        for (DocumentWrite write : writes) {
            ItemResult scripted = itemRule.apply(write);
            if (scripted != null) {
                results.add(scripted);
                continue;
            }
            String key = write.index() + "/" + write.id();
            Stored current = documents.get(key);
            if (write.isVersioned()) {
                long version = write.externalVersion().getAsLong();
                if (current != null && current.version() >= version) {
                    results.add(new ItemResult(409, "version_conflict_engine_exception", "current version is higher or equal"));
                    continue;
                }
                documents.put(key, new Stored(version, new String(write.source(), java.nio.charset.StandardCharsets.UTF_8)));
            } else {
                documents.put(key, new Stored(current == null ? 1 : current.version() + 1,
                        new String(write.source(), java.nio.charset.StandardCharsets.UTF_8)));
            }
            results.add(ItemResult.ok(current == null ? 201 : 200));
        }
        return results;
    }
}
