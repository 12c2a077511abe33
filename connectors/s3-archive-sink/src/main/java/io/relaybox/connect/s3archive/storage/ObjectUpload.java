package io.relaybox.connect.s3archive.storage;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The upload of one object whose bytes arrive as a stream: bytes gather in a buffer; once it holds a part's worth they go
 * up as a part of a multipart upload, so memory stays near one part per open object. An object that stays smaller than a
 * part is written with one PUT. A failed call leaves the buffer as it was: calling again resumes.
 */
public final class ObjectUpload {

    /** S3's smallest part (except the last one). */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    private final ObjectStore store;
    private final Retrier retrier;
    private final String key;
    private final int partSize;
    private final Buffer buffer = new Buffer();
    private final List<String> etags = new ArrayList<>();
    private String uploadId;
    private long bytes;
    private boolean completed;

    public ObjectUpload(ObjectStore store, Retrier retrier, String key, int partSize) {
        this.store = store;
        this.retrier = retrier;
        this.key = key;
        this.partSize = partSize;
    }

    /** Where the object's bytes are written. */
    public OutputStream out() {
        return buffer;
    }

    /** Uploads the buffered bytes as a part once they make one; retries transient failures. */
    public void uploadFullParts() {
        if (buffer.size() >= partSize) {
            uploadBufferAsPart();
        }
    }

    /** Uploads what is left and completes the object (one PUT when it never reached a part's size). */
    public void complete() {
        if (completed) {
            return;
        }
        if (uploadId == null) {
            byte[] content = buffer.toByteArray();
            retrier.run("PUT " + location(), () -> store.put(key, content));
        } else {
            if (buffer.size() > 0) {
                uploadBufferAsPart();
            }
            retrier.run("complete multipart upload of " + location(), () -> store.completeMultipart(key, uploadId, etags));
        }
        bytes += buffer.size();
        buffer.reset();
        completed = true;
    }

    /** Aborts a started multipart upload, once, without retries; failures are ignored (a lifecycle rule cleans up). */
    public void abort() {
        if (uploadId != null && !completed) {
            try {
                store.abortMultipart(key, uploadId);
            } catch (RuntimeException e) {
                // best effort: the bucket's lifecycle rule for incomplete uploads removes it
            }
            uploadId = null;
        }
        buffer.reset();
    }

    public String key() {
        return key;
    }

    public boolean isMultipart() {
        return uploadId != null;
    }

    /** Bytes of the object so far: uploaded and buffered. */
    public long size() {
        return bytes + buffer.size();
    }

    private void uploadBufferAsPart() {
        if (uploadId == null) {
            uploadId = retrier.call("start multipart upload of " + location(), () -> store.startMultipart(key));
        }
        int partNumber = etags.size() + 1;
        byte[] content = buffer.bytes();
        int length = buffer.size();
        String etag = retrier.call("upload part " + partNumber + " of " + location(),
                () -> store.uploadPart(key, uploadId, partNumber, content, length));
        etags.add(etag);
        bytes += length;
        buffer.reset();
    }

    private String location() {
        return "s3://" + store.bucket() + "/" + key;
    }

    /** A byte buffer whose array can be handed to the client without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {

        Buffer() {
            super(64 * 1024);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
