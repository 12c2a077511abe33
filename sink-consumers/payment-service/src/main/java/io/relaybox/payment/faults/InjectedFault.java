package io.relaybox.payment.faults;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A capture failed on purpose ({@link FaultInjector}) before anything was decided. Over HTTP, Spring MVC answers it
 * with its 503 problem titled {@value #TITLE}; in the inbox it is a transient failure (neither a
 * {@code PermanentEventFailure} nor a JSON or data error), so the event's transaction is rolled back and the event is
 * retried with backoff.
 */
public class InjectedFault extends ErrorResponseException {

    /** The problem's title. */
    public static final String TITLE = "Injected fault";

    private static final long serialVersionUID = 1L;

    InjectedFault(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), cause);
    }

    /** @return why the capture failed (the problem's detail) */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle(TITLE);
        return problem;
    }
}
