package io.relaybox.connect.s3archive.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import java.util.zip.GZIPInputStream;

/** Reads an archive object (gzip-compressed NDJSON) back into records, streaming. */
public final class ObjectReader {

    private ObjectReader() {
    }

    /**
     * Hands each record of the object to the consumer, in order; closes the stream.
     *
     * @param source names the object in messages
     * @throws IllegalArgumentException when a line is malformed (with the source and line number)
     */
    public static void forEach(InputStream gzipped, String source, Consumer<ArchivedRecord> consumer) {
        forEachLine(gzipped, source, (record, line) -> consumer.accept(record));
    }

    /**
     * Hands each record of the object to the consumer with its line number (1-based, of the uncompressed NDJSON; empty
     * lines count but carry no record), in order; closes the stream.
     *
     * @param source names the object in messages
     * @throws IllegalArgumentException when a line is malformed (with the source and line number)
     */
    public static void forEachLine(InputStream gzipped, String source, ObjIntConsumer<ArchivedRecord> consumer) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped, 64 * 1024),
                StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isEmpty()) {
                    continue;
                }
                ArchivedRecord record;
                try {
                    record = NdjsonFormat.decode(line);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + " line " + number + ": " + e.getMessage(), e);
                }
                consumer.accept(record, number);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** Every record of the object, in order. */
    public static List<ArchivedRecord> readAll(InputStream gzipped, String source) {
        List<ArchivedRecord> records = new ArrayList<>();
        forEach(gzipped, source, records::add);
        return records;
    }
}
