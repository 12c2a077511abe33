package io.relaybox.testkit.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.relaybox.testkit.containers.TestkitBackend.Choice;
import io.relaybox.testkit.containers.TestkitBackend.Request;

class TestkitBackendTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier NOT_TO_BE_ASKED = () -> {
        throw new AssertionError("asked for a Docker engine though the answer cannot matter");
    };

    @Test
    void autoRunsContainersWhenADockerEngineAnswers() {
        Choice choice = TestkitBackend.choose(Map.of("RELAYBOX_TESTKIT", "auto"), DOCKER);

        assertThat(choice).isEqualTo(new Choice(Request.AUTO, TestkitBackend.CONTAINERS, true));
        assertThat(choice.runnable()).isTrue();
        assertThat(choice.explicit()).isFalse();
    }

    @Test
    void autoRunsLocalProcessesWhenNoDockerEngineAnswers() {
        Choice choice = TestkitBackend.choose(Map.of("RELAYBOX_TESTKIT", "auto"), NO_DOCKER);

        assertThat(choice).isEqualTo(new Choice(Request.AUTO, TestkitBackend.LOCAL, false));
        assertThat(choice.runnable()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  " })
    void aBlankVariableMeansAuto(String value) {
        assertThat(TestkitBackend.choose(Map.of("RELAYBOX_TESTKIT", value), NO_DOCKER).request()).isEqualTo(Request.AUTO);
    }

    @Test
    void anUnsetVariableMeansAuto() {
        assertThat(TestkitBackend.choose(Map.of(), DOCKER)).isEqualTo(new Choice(Request.AUTO, TestkitBackend.CONTAINERS, true));
        assertThat(TestkitBackend.choose(Map.of(), NO_DOCKER)).isEqualTo(new Choice(Request.AUTO, TestkitBackend.LOCAL, false));
    }

    @Test
    void localRunsLocalProcessesWithoutLookingForDocker() {
        Choice choice = TestkitBackend.choose(Map.of("RELAYBOX_TESTKIT", "local"), NOT_TO_BE_ASKED);

        assertThat(choice.backend()).isEqualTo(TestkitBackend.LOCAL);
        assertThat(choice.runnable()).isTrue();
        assertThat(choice.explicit()).isTrue();
    }

    @Test
    void containersRunContainersWhenADockerEngineAnswers() {
        Choice choice = TestkitBackend.choose(Map.of("RELAYBOX_TESTKIT", "containers"), DOCKER);

        assertThat(choice).isEqualTo(new Choice(Request.CONTAINERS, TestkitBackend.CONTAINERS, true));
        assertThat(choice.runnable()).isTrue();
        assertThat(choice.explicit()).isTrue();
    }

    @Test
    void containersWithoutADockerEngineAreSkippedNeverRunLocally() {
        Choice choice = TestkitBackend.choose(Map.of("RELAYBOX_TESTKIT", "containers"), NO_DOCKER);

        assertThat(choice.backend()).isEqualTo(TestkitBackend.CONTAINERS);
        assertThat(choice.runnable()).isFalse();
        assertThat(choice.skipMessage()).isEqualTo("RELAYBOX_TESTKIT=containers but no Docker engine answers: container-backed run skipped");
    }

    @Test
    void aRunnableChoiceHasNoSkipMessage() {
        Choice local = TestkitBackend.choose(Map.of("RELAYBOX_TESTKIT", "local"), NO_DOCKER);

        assertThatThrownBy(local::skipMessage).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Containers", " CONTAINERS ", "containers\n" })
    void readsTheValueWhateverItsCaseAndSurroundingSpace(String value) {
        assertThat(TestkitBackend.choose(Map.of("RELAYBOX_TESTKIT", value), DOCKER).request()).isEqualTo(Request.CONTAINERS);
    }

    @ParameterizedTest
    @ValueSource(strings = { "docker", "testcontainers", "true", "local,containers" })
    void refusesAnyOtherValueNamingTheVariableAndTheAllowedValues(String value) {
        assertThatThrownBy(() -> TestkitBackend.choose(Map.of("RELAYBOX_TESTKIT", value), NOT_TO_BE_ASKED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RELAYBOX_TESTKIT")
                .hasMessageContaining("local, containers or auto")
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void describesEachChoiceAndItsReasonInOneLine() {
        assertThat(TestkitBackend.choose(Map.of("RELAYBOX_TESTKIT", "local"), NO_DOCKER).describe())
                .isEqualTo("relaybox test kit: local processes, because RELAYBOX_TESTKIT=local");
        assertThat(TestkitBackend.choose(Map.of("RELAYBOX_TESTKIT", "containers"), DOCKER).describe())
                .isEqualTo("relaybox test kit: containers (Testcontainers), because RELAYBOX_TESTKIT=containers and a Docker engine answers");
        assertThat(TestkitBackend.choose(Map.of(), DOCKER).describe())
                .isEqualTo("relaybox test kit: containers (Testcontainers), because RELAYBOX_TESTKIT is auto (the default) and a Docker engine answers");
        assertThat(TestkitBackend.choose(Map.of(), NO_DOCKER).describe())
                .isEqualTo("relaybox test kit: local processes, because RELAYBOX_TESTKIT is auto (the default) and no Docker engine answers");
        assertThat(TestkitBackend.choose(Map.of("RELAYBOX_TESTKIT", "containers"), NO_DOCKER).describe())
                .isEqualTo("relaybox test kit: RELAYBOX_TESTKIT=containers but no Docker engine answers: container-backed run skipped"
                        + " (nothing runs on local processes instead)");
    }
}
