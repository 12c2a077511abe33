package io.relaybox.order.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.relaybox.order.MigrationMode;
import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.InvalidRequestException;
import io.relaybox.problem.StorableText;

/** Checks a mode switch field by field and reports every violation at once. */
final class ModeSwitchRequestValidator {

    static final int MAX_NAME = 100;
    static final int MAX_REASON = 1000;

    /**
     * A valid switch.
     *
     * @param mode the mode to switch to
     * @param changedBy who
     * @param reason why
     * @param shadowShare the share, 0 to 1
     * @param force whether to leave shadow regardless of its diff
     */
    record ModeSwitch(MigrationMode mode, String changedBy, String reason, BigDecimal shadowShare, boolean force) {
    }

    ModeSwitch modeSwitch(ModeSwitchRequest request) {
        if (request == null) {
            throw new InvalidRequestException(List.of(new FieldViolation("body", "must not be empty")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        MigrationMode mode = null;
        if (request.mode() == null) {
            violations.add(new FieldViolation("mode", "must be one of monolith, sync, shadow, events"));
        } else {
            try {
                mode = MigrationMode.of(request.mode());
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("mode", "must be one of monolith, sync, shadow, events"));
            }
        }
        text("changedBy", request.changedBy(), MAX_NAME, violations);
        text("reason", request.reason(), MAX_REASON, violations);
        BigDecimal share = request.shadowShare() == null ? BigDecimal.ONE : request.shadowShare();
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            violations.add(new FieldViolation("shadowShare", "must be between 0 and 1"));
        } else if (mode != null && mode != MigrationMode.SHADOW && request.shadowShare() != null) {
            violations.add(new FieldViolation("shadowShare", "applies to mode shadow only"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new ModeSwitch(mode, request.changedBy(), request.reason(), share, Boolean.TRUE.equals(request.force()));
    }

    private static void text(String field, String value, int max, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "must not be blank"));
            return;
        }
        if (value.length() > max) {
            violations.add(new FieldViolation(field, "must be at most " + max + " characters"));
            return;
        }
        Optional<String> problem = StorableText.problem(value);
        problem.ifPresent(message -> violations.add(new FieldViolation(field, message)));
    }
}
