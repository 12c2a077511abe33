package io.relaybox.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Bad options of {@code verify} are refused naming the option, before any platform starts. */
class VerifyCommandTest {

    @TempDir
    Path runFolder;

    @Test
    void refusesAnUnknownFaultKindNamingTheOptionAndTheKnownKinds() {
        String error = refused("--faults", "connect-kill,disk-full");

        assertThat(error).contains("--faults").contains("disk-full").contains("group-rewind");
    }

    @Test
    void refusesFewerFaultsThanKinds() {
        assertThat(refused("--faults", "connect-kill,kafka-restart,es-throttle", "--fault-count", "2")).contains("--fault-count");
    }

    @Test
    void refusesANonPositiveLoad() {
        assertThat(refused("--minutes", "0")).contains("--minutes");
        assertThat(refused("--rate", "0")).contains("--rate");
        assertThat(refused("--rate", "NaN")).contains("--rate");
    }

    @Test
    void refusesANonPositiveQuietTimeout() {
        assertThat(refused("--quiet-timeout", "PT0S")).contains("--quiet-timeout");
    }

    @Test
    void refusesToKillARelayThePlatformDoesNotRun() {
        assertThat(refused("--faults", "relay-kill,kafka-restart")).contains("--faults").contains("--relay embedded");
    }

    @Test
    void refusesTheFaultsOfAClusterOnASingleBrokerAndWorker() {
        assertThat(refused("--faults", "broker-kill")).contains("--faults").contains("--brokers 3");
        assertThat(refused("--faults", "worker-kill", "--brokers", "3")).contains("--connect-workers 2");
    }

    @Test
    void refusesAClusterShapeOutOfRangeNamingTheOption() {
        assertThat(refused("--brokers", "4")).contains("--brokers").contains("1 to 3");
        assertThat(refused("--connect-workers", "0")).contains("--connect-workers");
    }

    @Test
    void takesTheFaultsOfAClusterIntoAllFaultsOnlyWhenTheShapeHasThem() {
        VerifyCommand single = parsed("--faults", "all", "--seed", "1");
        VerifyCommand cluster = parsed("--faults", "all", "--seed", "1", "--brokers", "3", "--connect-workers", "2");

        assertThat(single.options().kinds()).doesNotContain(io.relaybox.verification.verify.FaultKind.BROKER_KILL,
                io.relaybox.verification.verify.FaultKind.CONTROLLER_KILL, io.relaybox.verification.verify.FaultKind.WORKER_KILL);
        assertThat(cluster.options().kinds()).contains(io.relaybox.verification.verify.FaultKind.BROKER_KILL,
                io.relaybox.verification.verify.FaultKind.CONTROLLER_KILL, io.relaybox.verification.verify.FaultKind.WORKER_KILL);
    }

    @Test
    void refusesAnUnknownRelayRuntime() {
        assertThat(refused("--relay", "lambda")).contains("lambda").contains("connect or embedded");
    }

    @Test
    void leavesTheRelayKillOutOfAllFaultsWithConnectAndKeepsItWithTheEmbeddedRelay() {
        VerifyCommand connect = parsed("--faults", "all", "--seed", "1");
        VerifyCommand embedded = parsed("--faults", "all", "--seed", "1", "--relay", "embedded");

        assertThat(connect.options().kinds()).doesNotContain(io.relaybox.verification.verify.FaultKind.RELAY_KILL);
        assertThat(embedded.options().kinds()).contains(io.relaybox.verification.verify.FaultKind.RELAY_KILL);
    }

    private VerifyCommand parsed(String... options) {
        CommandLine cli = new CommandLine(new PlatformCli());
        String[] arguments = new String[options.length + 1];
        arguments[0] = "verify";
        System.arraycopy(options, 0, arguments, 1, options.length);
        return (VerifyCommand) cli.parseArgs(arguments).subcommand().commandSpec().userObject();
    }

    private String refused(String... options) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PlatformCli()).setErr(new PrintWriter(err));
        String[] arguments = new String[options.length + 3];
        arguments[0] = "--run-folder";
        arguments[1] = runFolder.toString();
        arguments[2] = "verify";
        System.arraycopy(options, 0, arguments, 3, options.length);

        int exit = cli.execute(arguments);

        assertThat(exit).as("exit status of verify %s", String.join(" ", options)).isNotZero();
        return err.toString();
    }
}
