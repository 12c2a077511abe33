package io.relaybox.payment.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.relaybox.payment.AppliedCounts;
import io.relaybox.payment.MigrationState;
import io.relaybox.payment.PaymentState;

/**
 * {@code /migration/state}: the back-fill of issue #12, used when authority over payments moves between the
 * monolith's legacy module and this service. {@code GET} reads the service's accounts and payments as one snapshot;
 * {@code PUT} writes the monolith's into it (rows not sent stay).
 */
@RestController
@RequestMapping(path = "/migration/state", produces = MediaType.APPLICATION_JSON_VALUE)
class MigrationStateController {

    private final MigrationState migrationState;
    private final PaymentStateValidator validator = new PaymentStateValidator();

    MigrationStateController(MigrationState migrationState) {
        this.migrationState = migrationState;
    }

    /** Every account and every decided payment, read in one transaction. */
    @GetMapping
    PaymentState get() {
        return migrationState.snapshot();
    }

    /** Writes the accounts and payments sent, in one transaction: {@code {accounts, payments}} written. */
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    AppliedCounts put(@RequestBody(required = false) PaymentStateRequest request) {
        return migrationState.replace(validator.state(request));
    }
}
