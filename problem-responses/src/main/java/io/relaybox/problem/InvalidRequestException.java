package io.relaybox.problem;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A request with invalid fields; Spring MVC answers it with its 400 problem listing the violations. */
public class InvalidRequestException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldViolation> violations;

    /**
     * @param violations every invalid field, at least one
     */
    public InvalidRequestException(List<FieldViolation> violations) {
        super(HttpStatus.BAD_REQUEST, ProblemResponses.invalidRequest(violations), null);
        this.violations = List.copyOf(violations);
    }

    /** @return how many fields are invalid (the problem's detail) */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    /** @return the invalid fields */
    public List<FieldViolation> violations() {
        return violations;
    }
}
