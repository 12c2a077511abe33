package io.relaybox.verification.audit;

/**
 * Where the demo finds what the sink connectors wrote, and how it logs in there.
 *
 * @param elasticsearchUrl Elasticsearch's HTTP API
 * @param elasticsearchUser the user the sink writes as
 * @param elasticsearchPassword its password
 * @param s3Endpoint the S3-compatible server (path-style access)
 * @param s3AccessKey the access key id
 * @param s3SecretKey the secret access key
 * @param archiveBucket the archive's bucket
 * @param archivePrefix the archive sink's key prefix ({@code s3.prefix})
 */
public record SinkEndpoints(String elasticsearchUrl, String elasticsearchUser, String elasticsearchPassword,
        String s3Endpoint, String s3AccessKey, String s3SecretKey, String archiveBucket, String archivePrefix) {

    @Override
    public String toString() {
        return "SinkEndpoints[elasticsearch=" + elasticsearchUrl + " as " + elasticsearchUser + ", s3=" + s3Endpoint + "/"
                + archiveBucket + "/" + archivePrefix + " as " + s3AccessKey + "]";
    }
}
