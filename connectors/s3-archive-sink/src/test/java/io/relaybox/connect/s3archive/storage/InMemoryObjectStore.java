package io.relaybox.connect.s3archive.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** An object store in memory for unit tests; it can fail the next calls with 503 SlowDown. */
public final class InMemoryObjectStore implements ObjectStore {

    private final TreeMap<String, byte[]> objects = new TreeMap<>();
    private final Map<String, TreeMap<Integer, byte[]>> uploads = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger puts = new AtomicInteger();
    private final AtomicInteger uploadId = new AtomicInteger();
    private boolean bucketExists = true;

    /** The next {@code n} calls fail with HTTP 503 SlowDown. */
    public void failNext(int n) {
        failures.set(n);
    }

    public void bucketExists(boolean exists) {
        this.bucketExists = exists;
    }

    public synchronized Map<String, byte[]> objects() {
        return new TreeMap<>(objects);
    }

    /** Completed PUTs and multipart uploads. */
    public int writes() {
        return puts.get();
    }

    /** Removes an object, as a user or a lifecycle rule might. */
    public synchronized void delete(String key) {
        objects.remove(key);
    }

    public int openMultipartUploads() {
        return uploads.size();
    }

    @Override
    public String bucket() {
        return "test-bucket";
    }

    @Override
    public boolean bucketExists() {
        maybeFail();
        return bucketExists;
    }

    @Override
    public void createBucket() {
        maybeFail();
        bucketExists = true;
    }

    @Override
    public synchronized void put(String key, byte[] bytes) {
        maybeFail();
        objects.put(key, bytes.clone());
        puts.incrementAndGet();
    }

    @Override
    public String startMultipart(String key) {
        maybeFail();
        String id = "upload-" + uploadId.incrementAndGet();
        uploads.put(id, new TreeMap<>());
        return id;
    }

    @Override
    public String uploadPart(String key, String uploadId, int partNumber, byte[] bytes, int length) {
        maybeFail();
        byte[] part = new byte[length];
        System.arraycopy(bytes, 0, part, 0, length);
        uploads.get(uploadId).put(partNumber, part);
        return "etag-" + partNumber;
    }

    @Override
    public synchronized void completeMultipart(String key, String uploadId, List<String> etags) {
        maybeFail();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        uploads.remove(uploadId).values().forEach(out::writeBytes);
        objects.put(key, out.toByteArray());
        puts.incrementAndGet();
    }

    @Override
    public void abortMultipart(String key, String uploadId) {
        uploads.remove(uploadId);
    }

    @Override
    public synchronized List<StoredObject> list(String prefix) {
        maybeFail();
        List<StoredObject> result = new ArrayList<>();
        objects.tailMap(prefix).forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                result.add(new StoredObject(k, v.length, Instant.EPOCH));
            }
        });
        return result;
    }

    @Override
    public synchronized List<String> commonPrefixes(String prefix) {
        maybeFail();
        TreeSet<String> result = new TreeSet<>();
        for (String key : objects.keySet()) {
            if (key.startsWith(prefix)) {
                int slash = key.indexOf('/', prefix.length());
                if (slash >= 0) {
                    result.add(key.substring(0, slash + 1));
                }
            }
        }
        return new ArrayList<>(result);
    }

    @Override
    public synchronized InputStream get(String key) {
        maybeFail();
        return new ByteArrayInputStream(objects.get(key));
    }

    @Override
    public void close() {
    }

    private void maybeFail() {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw (S3Exception) S3Exception.builder().statusCode(503)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("SlowDown").errorMessage("Please reduce your request rate.").build())
                    .build();
        }
    }
}
