package io.relaybox.order.web;

import java.util.List;

/** A request with invalid fields; answered with 400 and the list of violations. */
class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldViolation> violations;

    InvalidRequestException(List<FieldViolation> violations) {
        super(violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid");
        this.violations = List.copyOf(violations);
    }

    List<FieldViolation> violations() {
        return violations;
    }
}
