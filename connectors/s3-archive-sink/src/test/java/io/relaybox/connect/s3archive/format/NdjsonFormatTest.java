package io.relaybox.connect.s3archive.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class NdjsonFormatTest {

    static ArchivedRecord outboxRecord(long offset, String payload) {
        return new ArchivedRecord("orders.events", 2, offset, 1_764_064_800_000L, "CreateTime", bytes("order-17"), bytes(payload),
                List.of(new ArchivedRecord.Header("id", bytes("0193a7d2-0000-7000-8000-00000000000" + offset % 10)),
                        new ArchivedRecord.Header("type", bytes("OrderPlaced")),
                        new ArchivedRecord.Header("schemaversion", bytes("1")),
                        new ArchivedRecord.Header("occurredat", bytes("2026-11-25T10:00:00.123456Z")),
                        new ArchivedRecord.Header("traceparent", null),
                        new ArchivedRecord.Header("headers", bytes("{\"tenant\":\"a\"}"))));
    }

    @Test
    void writesOneLineWithEnvelopeHeadersAndPayload() {
        String line = new String(NdjsonFormat.encode(outboxRecord(7, "{\"orderId\":\"order-17\",\"note\":\"a\\\"b\\nc\"}")),
                StandardCharsets.UTF_8);

        assertThat(line).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
        assertThat(line).startsWith("{\"topic\":\"orders.events\",\"partition\":2,\"offset\":7,\"timestamp\":1764064800000,"
                + "\"timestampType\":\"CreateTime\",\"key\":\"order-17\",\"envelope\":{\"id\":\"0193a7d2-0000-7000-8000-000000000007\","
                + "\"type\":\"OrderPlaced\",\"schemaversion\":\"1\",\"occurredat\":\"2026-11-25T10:00:00.123456Z\",\"traceparent\":null},"
                + "\"headers\":[[\"id\",");
        assertThat(line).contains("[\"traceparent\",null]", "\"payload\":\"{\\\"orderId\\\":\\\"order-17\\\",\\\"note\\\":\\\"a\\\\\\\"b\\\\nc\\\"}\"");
    }

    @Test
    void readsBackExactlyWhatItWrote() {
        ArchivedRecord text = outboxRecord(3, "{\"emoji\":\"\u00e9\u4e2d\ud83d\ude00\",\"ctl\":\"\u0001\u2028\"}");
        ArchivedRecord binary = new ArchivedRecord("t", 0, 9, null, "NoTimestampType", new byte[] {(byte) 0xff, 0, 1}, null,
                List.of(new ArchivedRecord.Header("bin", new byte[] {(byte) 0xc3, 0x28}), new ArchivedRecord.Header("bin", bytes("dup"))));

        assertThat(NdjsonFormat.decode(new String(NdjsonFormat.encode(text), StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(NdjsonFormat.decode(new String(NdjsonFormat.encode(binary), StandardCharsets.UTF_8))).isEqualTo(binary);
        assertThat(new String(NdjsonFormat.encode(binary), StandardCharsets.UTF_8)).contains("\"key\":{\"base64\":\"/wAB\"}");
    }

    @Test
    void escapesControlAndLineSeparatorCharactersWithLowerCaseHexAndLeavesTheRestAsIs() {
        ArchivedRecord record = new ArchivedRecord("t", 0, 1, null, null,
                bytes("\u0001\u001f\u007f/\"\\\b\f\n\r\t\u2028\u2029\u00e9\ud83d\ude00"), null, List.of());

        assertThat(NdjsonFormat.encode(record)).isEqualTo(bytes("{\"topic\":\"t\",\"partition\":0,\"offset\":1,\"timestamp\":null,"
                + "\"timestampType\":null,\"key\":\"\\u0001\\u001f\u007f/\\\"\\\\\\b\\f\\n\\r\\t\\u2028\\u2029\u00e9\ud83d\ude00\","
                + "\"envelope\":{\"id\":null,\"type\":null,\"schemaversion\":null,\"occurredat\":null,\"traceparent\":null},"
                + "\"headers\":[],\"payload\":null}\n"));
    }

    @Test
    void rejectsLinesThatAreNotRecordsOfTheFormat() {
        assertThatThrownBy(() -> NdjsonFormat.decode("[1]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> NdjsonFormat.decode("{\"partition\":0,\"offset\":1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field topic is missing");
        assertThatThrownBy(() -> NdjsonFormat.decode("{\"topic\":\"t\",\"partition\":0,\"offset\":1,\"headers\":[[\"a\"]]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[name, value]");
        assertThatThrownBy(() -> NdjsonFormat.decode("{\"topic\":\"t\",\"partition\":0,\"offset\":1,\"key\":7}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key must be a string");
        assertThatThrownBy(() -> NdjsonFormat.decode("{\"topic\":\"t\",\"partition\":0,\"offset\":1} {}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NdjsonFormat.decode("{\"topic\":\"t\",")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void compressesTheSameLinesToTheSameBytes() throws IOException {
        byte[] first = gzip(200);
        byte[] second = gzip(200);

        assertThat(first).isEqualTo(second);
        // a fixed header: no modification time, OS "unknown"
        assertThat(first).startsWith(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(first))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()).hasSize(200);
        }
        assertThat(ObjectReader.readAll(new ByteArrayInputStream(first), "test")).hasSize(200)
                .first().isEqualTo(outboxRecord(0, "{\"n\":0}"));
    }

    private static byte[] gzip(int records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GzipWriter gzip = new GzipWriter(out, 6);
        for (int i = 0; i < records; i++) {
            gzip.write(NdjsonFormat.encode(outboxRecord(i, "{\"n\":" + i + "}")));
        }
        gzip.finish();
        return out.toByteArray();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
