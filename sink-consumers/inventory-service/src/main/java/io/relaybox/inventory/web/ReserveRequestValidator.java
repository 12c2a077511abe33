package io.relaybox.inventory.web;

import java.util.ArrayList;
import java.util.List;

import io.relaybox.inventory.RequestedLines;
import io.relaybox.inventory.SkuQuantity;
import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.InvalidRequestException;

/** Checks a reservation request field by field and reports every violation at once. */
final class ReserveRequestValidator {

    /** The valid lines, or {@link InvalidRequestException} naming every invalid field. */
    List<SkuQuantity> lines(ReserveRequest request) {
        if (request == null) {
            throw new InvalidRequestException(List.of(new FieldViolation("body", "must not be empty")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        List<SkuQuantity> lines = RequestedLines.validate(request.lines(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return lines;
    }
}
