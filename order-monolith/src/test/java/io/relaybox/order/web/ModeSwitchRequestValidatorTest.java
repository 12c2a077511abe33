package io.relaybox.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.relaybox.order.MigrationMode;
import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.InvalidRequestException;

class ModeSwitchRequestValidatorTest {

    private final ModeSwitchRequestValidator validator = new ModeSwitchRequestValidator();

    @Test
    void aValidSwitchDefaultsTheShareToOneAndForceToFalse() {
        ModeSwitchRequestValidator.ModeSwitch valid = validator.modeSwitch(new ModeSwitchRequest("shadow", "alice", "parallel run", null, null));

        assertThat(valid.mode()).isEqualTo(MigrationMode.SHADOW);
        assertThat(valid.shadowShare()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(valid.force()).isFalse();
    }

    @Test
    void namesEveryInvalidFieldAtOnce() {
        assertThatThrownBy(() -> validator.modeSwitch(new ModeSwitchRequest("SHADOW", " ", null, new BigDecimal("-0.1"), null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).extracting(FieldViolation::field)
                        .containsExactly("mode", "changedBy", "reason", "shadowShare"));
    }

    @Test
    void refusesAShareForAModeOtherThanShadow() {
        assertThatThrownBy(() -> validator.modeSwitch(new ModeSwitchRequest("events", "a", "r", new BigDecimal("0.5"), null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).extracting(FieldViolation::field)
                        .containsExactly("shadowShare"));
    }

    @Test
    void refusesControlCharactersInTheReason() {
        assertThatThrownBy(() -> validator.modeSwitch(new ModeSwitchRequest("events", "a", "bad\u0000reason", null, null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).extracting(FieldViolation::field)
                        .containsExactly("reason"));
    }
}
