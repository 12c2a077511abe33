package io.relaybox.connect.elasticsearch.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One index operation of a bulk request: the whole document replaces any document with that id.
 *
 * @param index the target index
 * @param id the document id
 * @param externalVersion with a value, the write is {@code version_type=external}: Elasticsearch keeps the document
 *        unless this version is higher than the stored one (a 409 then means "a newer state is already there")
 * @param source the document as UTF-8 JSON
 */
public record DocumentWrite(String index, String id, OptionalLong externalVersion, byte[] source) {

    /** What the action line and framing add to a document in the request body, roughly. */
    private static final int ACTION_OVERHEAD = 96;

    public DocumentWrite {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(externalVersion, "externalVersion");
        Objects.requireNonNull(source, "source");
    }

    /** The bytes this operation adds to a bulk request body (an estimate of the action line plus the document). */
    public int sizeInBytes() {
        return ACTION_OVERHEAD + index.length() + id.getBytes(StandardCharsets.UTF_8).length + source.length;
    }

    /** True when a version conflict (409) means success: a newer (or the same) version is already stored. */
    public boolean isVersioned() {
        return externalVersion.isPresent();
    }

    @Override
    public String toString() {
        return "DocumentWrite[" + index + "/" + id + (externalVersion.isPresent() ? " v" + externalVersion.getAsLong() : "") + ", "
                + source.length + " bytes]";
    }
}
