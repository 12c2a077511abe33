package io.relaybox.connect.elasticsearch.convert;

import java.util.Locale;

/** What a record is to the sink ({@code document.mode}). */
public enum DocumentMode {

    /** An outbox event: its headers and payload make an event document, an order event also the order's document. */
    OUTBOX,
    /**
     * A keyed JSON document, as a compacted topic of figures holds them ({@code analytics.*}): the record key is the
     * document id, the value (a JSON object) the document, and a later record of the key replaces it.
     */
    KEYED_JSON;

    /** Its value in the configuration: {@code outbox}, {@code keyed-json}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static DocumentMode fromConfig(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
