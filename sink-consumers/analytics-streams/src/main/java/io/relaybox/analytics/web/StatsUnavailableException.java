package io.relaybox.analytics.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The stores cannot answer now (starting, rebalancing, restoring): 503 with a problem, to be asked again. */
public class StatsUnavailableException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    public StatsUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Statistics not available yet");
        return problem;
    }
}
