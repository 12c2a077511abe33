package io.relaybox.problem;

import java.io.IOException;
import java.util.List;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report for what Tomcat refuses itself, before any servlet runs (a path with {@code %00}, an invalid
 * request line): an RFC 9457 problem+json body instead of Tomcat's HTML page, so that every 4xx of a service is a
 * problem. Installed as the host's error report valve by {@link ProblemResponsesAutoConfiguration}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        boolean clientError = known != null && known.is4xxClientError();
        String message = response.getMessage();
        String detail = clientError && message != null && !message.isBlank() ? message
                : clientError ? "the server cannot read the request" : "the request could not be completed";
        // what Tomcat refuses itself is the request line or a header: nothing past it was read
        ProblemDetail problem = ProblemResponses.problem(known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known,
                known == null ? "Error" : known.getReasonPhrase(), detail,
                clientError ? List.of(new FieldViolation("request", "must be a valid HTTP request (request line and headers)")) : null);
        problem.setStatus(status);
        try {
            ProblemJson.write(response, problem);
            response.getOutputStream().flush();
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response cannot take a body: nothing more to tell
        }
    }
}
