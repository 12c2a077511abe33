package io.relaybox.problem;

import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error as an RFC 9457 {@code application/problem+json} response; invalid fields are listed in an
 * {@code errors} member as {@code {field, message}} pairs. Spring's {@link ResponseEntityExceptionHandler} answers its
 * own exceptions and every {@code ErrorResponseException} ({@link NotFoundException}, {@link InvalidRequestException});
 * this adds the fields of unreadable bodies and mistyped path variables, 413 for a chunked body past
 * {@link RequestBodyLimit}'s limit, and a 500 that tells nothing of the failure.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Log LOG = LogFactory.getLog(ProblemResponses.class);
    private static final String ERRORS = "errors";
    private static final String INVALID_REQUEST = "Invalid request";

    private static final Map<String, String> EXPECTED = Map.of(
            "Integer", "must be an integer",
            "int", "must be an integer",
            "BigDecimal", "must be a number",
            "String", "must be a string",
            "List", "must be an array",
            "UUID", "must be a UUID");

    @ExceptionHandler
    ProblemDetail unexpected(RuntimeException e) {
        LOG.error("Request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "the request could not be completed", null);
    }

    /** Unreadable bodies: malformed JSON, or a value of the wrong type, named by its path. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyLimit.TooLarge tooLarge = causeOf(e, RequestBodyLimit.TooLarge.class);
        if (tooLarge != null) {
            ProblemDetail problem = RequestBodyLimit.problem(tooLarge.maxBytes());
            return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        JacksonException json = causeOf(e, JacksonException.class);
        ProblemDetail problem;
        if (json instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            problem = invalidRequest(List.of(new FieldViolation(path(mismatch), expected(mismatch.getTargetType()))));
        } else if (json != null && duplicateKey(json) != null) {
            String object = path(json);
            problem = invalidRequest(List.of(new FieldViolation(object.isEmpty() ? duplicateKey(json) : object + "." + duplicateKey(json),
                    "must be given once")));
        } else if (json != null) {
            problem = problem(HttpStatus.BAD_REQUEST, "Malformed JSON", "the request body is not valid JSON"
                    + (json.getLocation() == null ? "" : " (line " + json.getLocation().getLineNr() + ", column "
                            + json.getLocation().getColumnNr() + ")"),
                    List.of(new FieldViolation("body", "must be valid JSON")));
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, "Missing request body", "the request body is missing",
                    List.of(new FieldViolation("body", "must not be empty")));
        }
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** A path variable of the wrong type, e.g. an order id that is not a UUID. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() == null ? "value" : e.getPropertyName();
        ProblemDetail problem = invalidRequest(List.of(new FieldViolation(field, expected(e.getRequiredType()))));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** The 400 problem of a request whose fields are invalid, listing them. */
    static ProblemDetail invalidRequest(List<FieldViolation> violations) {
        String detail = violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid";
        return problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, detail, violations);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, List<FieldViolation> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (errors != null) {
            problem.setProperty(ERRORS, errors);
        }
        return problem;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /**
     * The key given twice, or null: Jackson's parser reports it (StreamReadFeature.STRICT_DUPLICATE_DETECTION) only in
     * its message, {@code Duplicate Object property "quantity"}, with the path of the object that holds it.
     */
    private static String duplicateKey(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null || !message.startsWith("Duplicate Object property \"")) {
            return null;
        }
        int start = message.indexOf('"') + 1;
        int end = message.indexOf('"', start);
        return end > start ? message.substring(start, end) : null;
    }

    /** {@code lines[0].quantity} from Jackson's reference chain. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has an invalid value";
        }
        return EXPECTED.getOrDefault(type.getSimpleName(),
                type.isRecord() ? "must be an object" : "has an invalid value");
    }
}
