package io.relaybox.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.relaybox.platform.RunFolder;
import io.relaybox.verification.verify.FaultKind;
import picocli.CommandLine;

/**
 * {@code ./platform verify} as CI runs it: its own platform on free ports, a minute of orders at a modest rate (8/s:
 * the faults are what CI proves; on two cores every process restart takes longer the higher the rate; the faults fire
 * one after the other, each once the last recovered, so the load runs on until the last one recovered: about two
 * minutes for these four), each fault kind once but those {@link #LEFT_OUT}; nothing may be lost or delivered twice, and every
 * invariant must hold. The whole schedule ({@code ./platform verify --faults all}) is a command, not a CI test: with
 * every kind it took ten minutes of a forty-minute CI budget.
 */
class VerifyCommandIT {

    /**
     * Left out of CI, each because another CI test proves the same recovery and it costs minutes here: a killed Kafka
     * Connect worker (about a minute until the killed tasks' open transactions time out; {@code ConnectWorkerRestartIT}
     * kills the worker with {@code kill -9} mid-stream and counts every event), a killed notification service (about
     * a minute until its Spring Boot application is back on a loaded machine; its resend after a crash between the SMTP
     * server's acceptance and its record is proven here by postgres-restart, which fails that record, and by
     * {@code NotificationServiceIT}), a killed inventory or payment instance (about two minutes each, until its group notices; {@code ConsumerCrashIT} kills both
     * services' consumers between database commit and offset commit), a killed analytics application (up to 90 s; the
     * analytics module's {@code AnalyticsStreamsIT} kills one of two real instances mid-count), and Elasticsearch's
     * 429s (the sink's {@code FaultInjectionIT} answers 429 and 503 through the same proxy; {@code es-unavailable}
     * stays here), an unavailable S3 (the archive sink's {@code S3ArchiveFaultIT} recovers from S3's throttling and
     * unavailability without loss or duplicates), and the rewind of the sinks' groups (verification's
     * {@code SinkOffsetResetIT} has both sinks read everything again and finds each event once). {@code relay-kill} needs a platform with the embedded relay ({@code --relay embedded}), which this run
     * does not start: {@code EmbeddedRelayIT} kills the relay with {@code kill -9} mid-stream and finds every event. The
     * faults of a cluster ({@code broker-kill}, {@code controller-kill}, {@code worker-kill}) need three brokers and two
     * workers, which this run (one of each, to stay in CI's time) does not start: {@code KafkaClusterIT} kills the
     * controller of a real three-node cluster under acks=all writes; the whole cluster run is a command
     * ({@code ./platform verify --brokers 3 --connect-workers 2}), its figures in the README.
     */
    static final List<FaultKind> LEFT_OUT = List.of(FaultKind.CONNECT_KILL, FaultKind.RELAY_KILL, FaultKind.BROKER_KILL,
            FaultKind.CONTROLLER_KILL, FaultKind.WORKER_KILL, FaultKind.INVENTORY_KILL, FaultKind.PAYMENT_KILL,
            FaultKind.NOTIFICATION_KILL, FaultKind.ANALYTICS_KILL, FaultKind.ES_THROTTLE, FaultKind.S3_UNAVAILABLE, FaultKind.GROUP_REWIND);

    /**
     * {@code postgres-restart} was left out for a while: in CI on 2026-12-04 the inventory outbox source never streamed
     * again after a PostgreSQL restart; the supervisor now restarts a source stalled like that ({@code StalledSourceRepair}),
     * and verify counts the fault as recovered only once every source streams again.
     */
    private static final List<String> KINDS = Arrays.stream(FaultKind.values()).filter(kind -> !LEFT_OUT.contains(kind))
            .map(FaultKind::id).toList();

    @Test
    void aShortRunWithEveryFaultKindLosesNothingAndDeliversNothingTwice() throws Exception {
        Path run = Path.of("target/verify-run").toAbsolutePath();
        RunFolder.purge(run, Optional.empty());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(new Tee(original, printed), true, StandardCharsets.UTF_8));
            exit = new CommandLine(new PlatformCli()).execute("--run-folder", run.toString(), "verify", "--minutes", "1", "--rate", "8",
                    "--seed", "20261204", "--faults", String.join(",", KINDS), "--free-ports");
        } finally {
            System.setOut(original);
            RunFolder.deleteStandIns(run, Optional.empty());
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        String verify = output.lines().filter(line -> line.startsWith("VERIFY ")).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no VERIFY line in:\n" + output));
        Map<String, String> figures = figures(verify);

        assertThat(Long.parseLong(figures.get("orders"))).as("orders in %s", verify).isPositive();
        assertThat(Long.parseLong(figures.get("events"))).as("events in %s", verify).isGreaterThan(Long.parseLong(figures.get("orders")));
        assertThat(figures).as(verify).containsEntry("faults", Integer.toString(KINDS.size()))
                .containsEntry("lost", "0").containsEntry("duplicates", "0").containsEntry("invariants", "ok")
                .containsEntry("seed", "20261204");
        assertThat(exit).as("exit status of ./platform verify (%s)", verify).isZero();
    }

    private static Map<String, String> figures(String verifyLine) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (String word : verifyLine.substring("VERIFY ".length()).split(" ")) {
            figures.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
        }
        return figures;
    }

    /** Prints to the console and keeps a copy. */
    private static final class Tee extends OutputStream {

        private final OutputStream console;
        private final OutputStream copy;

        Tee(OutputStream console, OutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            console.write(b);
            copy.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            console.write(b, off, len);
            copy.write(b, off, len);
        }
    }
}
