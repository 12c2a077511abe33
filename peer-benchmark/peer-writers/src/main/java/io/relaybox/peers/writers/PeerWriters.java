package io.relaybox.peers.writers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * The writers of a peer application: {@link PeerSettings#writers()} threads, each committing one order (a row of
 * {@code bench_order}) and its {@link OrderPlaced} event per transaction, through the peer's own API. Orders a killed
 * process committed are not written again: a restarted process writes only the ones {@code bench_order} lacks.
 *
 * <p>The driver talks to the process through its standard streams: the process prints {@value #READY} once it can
 * write, waits for a line {@code go} on its standard input, then prints {@value #DONE} once every order is committed.
 */
public final class PeerWriters {

    public static final String READY = "peer ready";
    public static final String DONE = "peer committed all";

    /** The order row, in the writer's transaction; parameters: {@link #orderParameters}. */
    public static final String INSERT_ORDER = "INSERT INTO bench_order (run, seq, order_id, customer_id, total) VALUES (?, ?, ?, ?, ?)";

    /** One order and its event in one transaction, through the peer's API. */
    @FunctionalInterface
    public interface OrderTransaction {
        void commit(int seq, OrderPlaced event) throws Exception;
    }

    private PeerWriters() {
    }

    /** The parameters of {@link #INSERT_ORDER} for an event. */
    public static Object[] orderParameters(int seq, OrderPlaced event, String run) {
        return new Object[] {run, seq, event.orderId(), event.customerId(), event.total()};
    }

    /** Inserts the order row on a connection whose transaction the caller runs. */
    public static void insertOrder(Connection connection, String run, int seq, OrderPlaced event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ORDER)) {
            Object[] parameters = orderParameters(seq, event, run);
            for (int i = 0; i < parameters.length; i++) {
                insert.setObject(i + 1, parameters[i]);
            }
            insert.executeUpdate();
        }
    }

    /** Writes the run's missing orders with the settings' writer threads; returns once every one is committed. */
    public static void run(PeerSettings settings, DataSource dataSource, OrderTransaction transaction) throws Exception {
        createOrderTable(dataSource);
        Set<Integer> committed = committed(dataSource, settings.run());
        ConcurrentLinkedQueue<Integer> remaining = new ConcurrentLinkedQueue<>(missing(settings.events(), committed));
        System.out.printf("%s: %d of %d orders committed before%n", READY, committed.size(), settings.events());
        awaitGo();
        AtomicInteger written = new AtomicInteger(committed.size());
        int step = Math.max(1, settings.events() / 10);
        ExecutorService writers = Executors.newFixedThreadPool(settings.writers());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < settings.writers(); w++) {
                done.add(writers.submit(() -> {
                    for (Integer seq = remaining.poll(); seq != null; seq = remaining.poll()) {
                        commitOnce(dataSource, settings.run(), seq, transaction);
                        int count = written.incrementAndGet();
                        if (count % step == 0) {
                            System.out.println("peer committed " + count);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }
        System.out.println(DONE + " " + settings.events());
    }

    /** Blocks until the process is stopped (the relay runs on in its own threads). */
    public static void awaitStop() throws InterruptedException {
        new CountDownLatch(1).await();
    }

    /** The sequence numbers 0 .. events - 1 that are not committed yet, in order. */
    static List<Integer> missing(int events, Set<Integer> committed) {
        List<Integer> missing = new ArrayList<>();
        for (int seq = 0; seq < events; seq++) {
            if (!committed.contains(seq)) {
                missing.add(seq);
            }
        }
        return missing;
    }

    /** Commits the order, again after a failure, unless the failed attempt did commit it. */
    private static void commitOnce(DataSource dataSource, String run, int seq, OrderTransaction transaction) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                transaction.commit(seq, OrderPlaced.of(run, seq));
                return;
            } catch (Exception e) {
                if (committed(dataSource, run).contains(seq)) {
                    return;
                }
                if (attempt == 10) {
                    throw e;
                }
                System.out.println("peer: order " + seq + " failed (" + e + "), again");
                Thread.sleep(100L * attempt);
            }
        }
    }

    private static void createOrderTable(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_order (run text NOT NULL, seq integer NOT NULL, order_id text NOT NULL, "
                    + "customer_id text NOT NULL, total numeric(12, 2) NOT NULL, placed_at timestamptz NOT NULL DEFAULT now(), "
                    + "PRIMARY KEY (run, seq))");
        }
    }

    private static Set<Integer> committed(DataSource dataSource, String run) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT seq FROM bench_order WHERE run = ?")) {
            select.setString(1, run);
            Set<Integer> committed = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    committed.add(rows.getInt(1));
                }
            }
            return committed;
        }
    }

    private static void awaitGo() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.trim().equals("go"); line = in.readLine()) {
            // anything else is ignored
        }
    }
}
