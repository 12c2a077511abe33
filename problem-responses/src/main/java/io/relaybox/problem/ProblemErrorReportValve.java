package io.relaybox.problem;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

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
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        boolean clientError = known != null && known.is4xxClientError();
        String message = response.getMessage();
        problem.put("detail", clientError && message != null && !message.isBlank() ? message
                : clientError ? "the server cannot read the request" : "the request could not be completed");
        if (clientError) {
            // what Tomcat refuses itself is the request line or a header: nothing past it was read
            problem.put("errors", List.of(Map.of("field", "request", "message", "must be a valid HTTP request (request line and headers)")));
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            OutputStream out = response.getOutputStream();
            out.write(JsonMapper.shared().writeValueAsBytes(problem));
            out.flush();
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response cannot take a body: nothing more to tell
        }
    }
}
