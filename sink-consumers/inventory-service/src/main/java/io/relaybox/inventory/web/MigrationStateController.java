package io.relaybox.inventory.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.relaybox.inventory.AppliedCounts;
import io.relaybox.inventory.InventoryState;
import io.relaybox.inventory.MigrationState;

/**
 * {@code /migration/state}: the back-fill of issue #12, used when authority over stock moves between the monolith's
 * legacy module and this service. {@code GET} reads the service's stock and reservations as one snapshot;
 * {@code PUT} writes the monolith's into it (rows not sent stay).
 */
@RestController
@RequestMapping(path = "/migration/state", produces = MediaType.APPLICATION_JSON_VALUE)
class MigrationStateController {

    private final MigrationState migrationState;
    private final InventoryStateValidator validator = new InventoryStateValidator();

    MigrationStateController(MigrationState migrationState) {
        this.migrationState = migrationState;
    }

    /** Every stock row and every decided reservation with its lines, read in one transaction. */
    @GetMapping
    InventoryState get() {
        return migrationState.snapshot();
    }

    /** Writes the stock rows and reservations sent, in one transaction: {@code {stock, reservations}} written. */
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    AppliedCounts put(@RequestBody(required = false) InventoryStateRequest request) {
        return migrationState.replace(validator.state(request));
    }
}
