package io.relaybox.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The addressed resource does not exist; Spring MVC answers it with its 404 problem. */
public class NotFoundException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * @param title the problem's title, e.g. {@code Reservation not found}
     * @param detail which resource, e.g. {@code order 0192… has no reservation}
     */
    public NotFoundException(String title, String detail) {
        super(HttpStatus.NOT_FOUND, ProblemResponses.problem(HttpStatus.NOT_FOUND, title, detail, null), null);
    }

    /** @return which resource is missing (the problem's detail) */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    /** @return the problem's title */
    public String title() {
        return getBody().getTitle();
    }
}
