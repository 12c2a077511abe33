package io.relaybox.connect.s3archive.storage;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ObjectStore} over the AWS SDK v2 S3 client. The SDK's own retries are off ({@link Retrier} retries, with the
 * sink's settings and log lines); request checksums only where S3 requires them, which every S3-compatible server takes.
 */
public final class S3ObjectStore implements ObjectStore {

    private static final String CONTENT_TYPE = "application/gzip";

    private final S3Client s3;
    private final String bucket;

    // visible for testing
    S3ObjectStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** A store for the bucket of these settings, with its own HTTP connection pool. */
    public static S3ObjectStore create(S3Settings settings) {
        return new S3ObjectStore(client(settings), settings.bucket());
    }

    static S3Client client(S3Settings settings) {
        Duration timeout = settings.requestTimeout();
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyleAccess())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(timeout)
                        .maxConnections(8))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallAttemptTimeout(timeout));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKeyId().isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public boolean bucketExists() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void createBucket() {
        s3.createBucket(b -> b.bucket(bucket));
    }

    @Override
    public void put(String key, byte[] bytes) {
        s3.putObject(p -> p.bucket(bucket).key(key).contentType(CONTENT_TYPE).contentLength((long) bytes.length),
                RequestBody.fromBytes(bytes));
    }

    @Override
    public String startMultipart(String key) {
        return s3.createMultipartUpload(m -> m.bucket(bucket).key(key).contentType(CONTENT_TYPE)).uploadId();
    }

    @Override
    public String uploadPart(String key, String uploadId, int partNumber, byte[] bytes, int length) {
        return s3.uploadPart(p -> p.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber).contentLength((long) length),
                RequestBody.fromByteBuffer(java.nio.ByteBuffer.wrap(bytes, 0, length))).eTag();
    }

    @Override
    public void completeMultipart(String key, String uploadId, List<String> etags) {
        List<CompletedPart> parts = IntStream.range(0, etags.size())
                .mapToObj(i -> CompletedPart.builder().partNumber(i + 1).eTag(etags.get(i)).build()).toList();
        s3.completeMultipartUpload(c -> c.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(u -> u.parts(parts)));
    }

    @Override
    public void abortMultipart(String key, String uploadId) {
        s3.abortMultipartUpload(a -> a.bucket(bucket).key(key).uploadId(uploadId));
    }

    @Override
    public List<StoredObject> list(String prefix) {
        List<StoredObject> result = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build()).contents()) {
            result.add(new StoredObject(o.key(), o.size(), o.lastModified()));
        }
        return result;
    }

    @Override
    public List<String> commonPrefixes(String prefix) {
        List<String> result = new ArrayList<>();
        for (CommonPrefix p : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).delimiter("/")
                .build()).commonPrefixes()) {
            result.add(p.prefix());
        }
        return result;
    }

    @Override
    public InputStream get(String key) {
        return s3.getObject(g -> g.bucket(bucket).key(key));
    }

    @Override
    public void close() {
        s3.close();
    }
}
