package io.relaybox.payment.faults;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.InvalidRequestException;

/**
 * {@code /faults}: the {@link FaultInjector}'s settings at run time, {@code {"latencyMillis": 0, "errorShare": 0.0}}.
 * {@code GET} reads them, {@code PUT} replaces them (both fields required), {@code DELETE} sets both to zero; each
 * answers the settings now in force. Only with {@code relaybox.faults.enabled=true}: otherwise {@code /faults} is 404.
 */
@RestController
@RequestMapping(path = "/faults", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnBooleanProperty("relaybox.faults.enabled")
class FaultController {

    private static final Logger LOG = LoggerFactory.getLogger(FaultController.class);

    /**
     * The body of {@code PUT /faults} as sent: boxed, so that a missing field is named rather than read as zero.
     *
     * @param latencyMillis how long each capture waits, at least 0
     * @param errorShare the share of captures that fail, from 0 to 1
     */
    record FaultRequest(Integer latencyMillis, Double errorShare) {
    }

    private final FaultInjector faults;

    FaultController(FaultInjector faults) {
        this.faults = faults;
    }

    @GetMapping
    FaultSettings get() {
        return faults.settings();
    }

    /** Injects these settings from the next capture on; an invalid body changes nothing (400 naming the fields). */
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    FaultSettings put(@RequestBody(required = false) FaultRequest request) {
        FaultSettings settings = validated(request);
        faults.set(settings);
        // a benchmark's results depend on it: the log says when each setting took effect
        LOG.info("Injecting faults into captures: latency {} ms, error share {}", settings.latencyMillis(),
                settings.errorShare());
        return settings;
    }

    @DeleteMapping
    FaultSettings delete() {
        faults.set(FaultSettings.NONE);
        LOG.info("Injecting no faults into captures");
        return FaultSettings.NONE;
    }

    private static FaultSettings validated(FaultRequest request) {
        if (request == null) {
            throw new InvalidRequestException(List.of(new FieldViolation("body", "must not be empty")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        if (request.latencyMillis() == null) {
            violations.add(new FieldViolation("latencyMillis", "must not be null"));
        } else if (request.latencyMillis() < 0) {
            violations.add(new FieldViolation("latencyMillis", "must be greater than or equal to 0"));
        }
        if (request.errorShare() == null) {
            violations.add(new FieldViolation("errorShare", "must not be null"));
        } else if (!(request.errorShare() >= 0.0 && request.errorShare() <= 1.0)) {
            violations.add(new FieldViolation("errorShare", "must be between 0 and 1"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new FaultSettings(request.latencyMillis(), request.errorShare());
    }
}
