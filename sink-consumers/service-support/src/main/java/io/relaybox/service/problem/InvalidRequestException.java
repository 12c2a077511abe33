package io.relaybox.service.problem;

import java.util.List;

/** A request with invalid fields; answered with 400 and the list of violations. */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldViolation> violations;

    /**
     * @param violations every invalid field, at least one
     */
    public InvalidRequestException(List<FieldViolation> violations) {
        super(violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid");
        this.violations = List.copyOf(violations);
    }

    /** @return the invalid fields */
    public List<FieldViolation> violations() {
        return violations;
    }
}
