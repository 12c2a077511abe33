package io.relaybox.connect.s3archive.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

class FailuresTest {

    @Test
    void anUnavailableServerWithoutAnErrorCodeIsTransient() {
        // what the SDK makes of a 503 to HEAD bucket: no body, so no error code (seen under ./platform verify's s3-unavailable)
        S3Exception unavailable = (S3Exception) S3Exception.builder().statusCode(503)
                .awsErrorDetails(AwsErrorDetails.builder().errorMessage("Service Unavailable").build()).build();

        assertThat(Failures.isTransient(unavailable)).isTrue();
    }

    @Test
    void aThrottlingCodeIsTransientAndAMissingBucketIsNot() {
        assertThat(Failures.isTransient(S3Exception.builder().statusCode(503)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("SlowDown").build()).build())).isTrue();
        assertThat(Failures.isTransient(S3Exception.builder().statusCode(404)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchBucket").build()).build())).isFalse();
    }
}
