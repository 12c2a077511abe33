package io.relaybox.payment.web;

import java.util.ArrayList;
import java.util.List;

import io.relaybox.payment.Charge;
import io.relaybox.payment.ChargeRules;
import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.InvalidRequestException;

/** Checks a capture request field by field and reports every violation at once. */
final class CaptureRequestValidator {

    /** The valid charge, or {@link InvalidRequestException} naming every invalid field. */
    Charge charge(CaptureRequest request) {
        if (request == null) {
            throw new InvalidRequestException(List.of(new FieldViolation("body", "must not be empty")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        Charge charge = ChargeRules.validate(request.customerId(), request.currency(), request.amount(), "amount",
                violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return charge;
    }
}
