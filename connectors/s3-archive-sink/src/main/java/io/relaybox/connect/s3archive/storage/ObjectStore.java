package io.relaybox.connect.s3archive.storage;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/** The calls the archive makes to an object store (one bucket). Failures are the client's runtime exceptions. */
public interface ObjectStore extends AutoCloseable {

    /**
     * One object of a listing.
     *
     * @param key its key
     * @param size its size in bytes
     * @param lastModified when it was last written
     */
    record StoredObject(String key, long size, Instant lastModified) {
    }

    /** The bucket's name, for messages. */
    String bucket();

    boolean bucketExists();

    void createBucket();

    /** Writes the object in one request, replacing any object of that key. */
    void put(String key, byte[] bytes);

    /** Starts a multipart upload; returns its upload id. */
    String startMultipart(String key);

    /** Uploads part {@code partNumber} (1-based); returns its ETag. */
    String uploadPart(String key, String uploadId, int partNumber, byte[] bytes, int length);

    /** Completes the upload from its parts' ETags, in part order; the object replaces any object of that key. */
    void completeMultipart(String key, String uploadId, List<String> etags);

    void abortMultipart(String key, String uploadId);

    /** Every object whose key starts with the prefix, in key order. */
    List<StoredObject> list(String prefix);

    /** The "folders" directly under the prefix (delimiter {@code /}), in key order, each ending with {@code /}. */
    List<String> commonPrefixes(String prefix);

    /** The object's content; the caller closes the stream. */
    InputStream get(String key);

    @Override
    void close();
}
