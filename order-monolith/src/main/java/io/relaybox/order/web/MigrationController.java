package io.relaybox.order.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.relaybox.order.Capability;
import io.relaybox.order.migration.MigrationDiff;
import io.relaybox.order.migration.MigrationModes;
import io.relaybox.order.migration.ModeChange;
import io.relaybox.order.migration.ModeSetting;
import io.relaybox.order.migration.ModeSwitches;
import io.relaybox.problem.NotFoundException;

/**
 * {@code /migration}: the capabilities' modes (read, switch, history) and the parallel run's diff. The admin side of
 * the migration from the monolith to events; {@code ./platform migrate} calls it.
 */
@RestController
@RequestMapping(path = "/migration", produces = MediaType.APPLICATION_JSON_VALUE)
class MigrationController {

    private final MigrationModes modes;
    private final ModeSwitches switches;
    private final MigrationDiff diff;
    private final ModeSwitchRequestValidator validator = new ModeSwitchRequestValidator();

    MigrationController(MigrationModes modes, ModeSwitches switches, MigrationDiff diff) {
        this.modes = modes;
        this.switches = switches;
        this.diff = diff;
    }

    @GetMapping("/modes")
    List<ModeSetting> modes() {
        return modes.all();
    }

    /**
     * 200 with the capability's new setting, once the back-fill it needs is done; 409 when it would misjudge orders
     * (the shadow run's diff is not empty, orders are still in flight); 503 when the service did not take part.
     */
    @PutMapping(path = "/modes/{capability}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ModeSetting switchMode(@PathVariable String capability, @RequestBody(required = false) ModeSwitchRequest request) {
        Capability known = capability(capability);
        ModeSwitchRequestValidator.ModeSwitch valid = validator.modeSwitch(request);
        return switches.switchMode(known, valid.mode(), valid.shadowShare(), valid.changedBy(), valid.reason(), valid.force());
    }

    @GetMapping("/modes/{capability}/history")
    List<ModeChange> history(@PathVariable String capability) {
        return modes.history(capability(capability));
    }

    @GetMapping("/diff")
    MigrationDiff.Report diff() {
        return diff.report();
    }

    private static Capability capability(String name) {
        try {
            return Capability.of(name);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Capability not found", e.getMessage());
        }
    }
}
