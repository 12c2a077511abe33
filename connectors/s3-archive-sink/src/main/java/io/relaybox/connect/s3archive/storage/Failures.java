package io.relaybox.connect.s3archive.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Which object-store failures are worth trying again, and a one-line description of each. */
public final class Failures {

    private static final Set<String> TRANSIENT_CODES = Set.of("SlowDown", "RequestTimeout", "Throttling", "ThrottlingException",
            "TooManyRequests", "InternalError", "ServiceUnavailable", "RequestTimeTooSkewed");

    private Failures() {
    }

    /** Timeouts, connection failures, 408, 429, 5xx and S3's throttling codes are transient; the rest is permanent. */
    public static boolean isTransient(Throwable failure) {
        if (failure instanceof StorageException storage) {
            return storage.isTransient();
        }
        // an answer without a body (HEAD, or a proxy's bare 503) has no error code: Set.of(...).contains(null) would throw
        if (failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null
                && TRANSIENT_CODES.contains(aws.awsErrorDetails().errorCode())) {
            return true;
        }
        if (failure instanceof SdkServiceException service) {
            int status = service.statusCode();
            return status == 408 || status == 429 || status >= 500 || service.isThrottlingException();
        }
        return failure instanceof SdkClientException || failure instanceof UncheckedIOException || failure instanceof IOException;
    }

    /** e.g. {@code HTTP 503 SlowDown: Please reduce your request rate}; never holds credentials. */
    public static String describe(Throwable failure) {
        if (failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return "HTTP " + aws.statusCode() + " " + aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
        }
        if (failure instanceof SdkServiceException service) {
            return "HTTP " + service.statusCode() + ": " + service.getMessage();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage();
        return root == failure || message == null ? failure.getClass().getSimpleName() + ": " + message
                : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
