package io.relaybox.connect.s3archive.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip stream whose bytes depend on its input only: a fixed header (no file name, modification time 0, OS byte
 * "unknown"), one deflate member at a fixed level. Lines are written one call each, so a rebuilt object feeds the deflater
 * in the same calls and yields the same bytes.
 */
public final class GzipWriter implements AutoCloseable {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final OutputStream out;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[64 * 1024];
    private long uncompressedBytes;
    private boolean finished;

    /**
     * @param out receives the compressed bytes
     * @param level deflate level, 1 (fast) to 9 (small)
     */
    public GzipWriter(OutputStream out, int level) throws IOException {
        this.out = out;
        this.deflater = new Deflater(level, true);
        out.write(HEADER);
    }

    /** Compresses the bytes; output leaves in whole deflate blocks as the deflater emits them. */
    public void write(byte[] bytes) throws IOException {
        if (finished) {
            throw new IllegalStateException("the gzip stream is finished");
        }
        crc.update(bytes);
        uncompressedBytes += bytes.length;
        deflater.setInput(bytes);
        while (!deflater.needsInput()) {
            drain(Deflater.NO_FLUSH);
        }
    }

    /** Ends the stream: the last deflate block and the trailer (CRC-32, length). */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        deflater.finish();
        while (!deflater.finished()) {
            drain(Deflater.NO_FLUSH);
        }
        long crcValue = crc.getValue();
        out.write(new byte[] {(byte) crcValue, (byte) (crcValue >> 8), (byte) (crcValue >> 16), (byte) (crcValue >> 24),
                (byte) uncompressedBytes, (byte) (uncompressedBytes >> 8), (byte) (uncompressedBytes >> 16),
                (byte) (uncompressedBytes >> 24)});
        deflater.end();
    }

    public long uncompressedBytes() {
        return uncompressedBytes;
    }

    /** Releases the deflater's native memory without writing anything more. */
    @Override
    public void close() {
        deflater.end();
    }

    private void drain(int flush) throws IOException {
        int n = deflater.deflate(buffer, 0, buffer.length, flush);
        if (n > 0) {
            out.write(buffer, 0, n);
        }
    }
}
