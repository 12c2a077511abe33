package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.MigrationApi;
import io.relaybox.platform.MigrationDiff;
import io.relaybox.platform.MigrationProblem;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;
import io.relaybox.verification.verify.LoadTally;
import io.relaybox.verification.verify.SteadyOrderLoad;

/**
 * The migration from the monolith to events on the real platform, under a steady order load: both capabilities rolled
 * back from events to the monolith's legacy module, then walked monolith → shadow → events one after the other; every
 * shadow run matched every order before its cut-over, every order ends decided once, and the stock and money ledgers
 * hold on both sides. Then a divergence seeded into the service's stock shows up in the diff and blocks the cut-over,
 * and a rollback from events to shadow under load keeps the invariants.
 */
@Order(16)
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationWalkIT {

    private static final double RATE = 10;
    private static final int MATCHED_PER_RUN = 30;
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final List<String> SKUS = List.of("SKU-APPLE", "SKU-BREAD", "SKU-CHEESE", "SKU-DATES", "SKU-EGGS", "SKU-FLOUR",
            "SKU-GRAPES", "SKU-HONEY");

    static MigrationApi migration;
    static ServiceDatabases databases;
    static OrdersApi orders;
    static final Set<String> walked = new HashSet<>();
    static LoadTally walkTally;
    static final Map<String, MigrationDiff.CapabilityDiff> atCutOver = new LinkedHashMap<>();

    @BeforeAll
    static void walkBothCapabilitiesUnderLoad(LocalPlatform platform) {
        migration = new MigrationApi(URI.create(platform.endpoints().get("orders-api")));
        databases = new ServiceDatabases(platform);
        orders = new OrdersApi(platform.endpoints().get("orders-api"));
        // earlier tests used up stock and money: the rollback copies the service's (restocked) state to the legacy module.
        // Near a limit the two sides of a shadow run may decide an order differently, since they see a customer's orders
        // (or a SKU's) in different orders: the legacy module in the order they were placed, the service per partition
        SKUS.forEach(sku -> databases.restock(sku, 5_000));
        databases.topUpEveryAccount(new java.math.BigDecimal("100000"));
        try (SteadyOrderLoad load = new SteadyOrderLoad(orders, new OrderGenerator(1_612), RATE)) {
            load.start();
            awaitAcknowledged(load, 30);
            switchTo("inventory", "monolith", "roll back to the starting point of the migration");
            switchTo("payment", "monolith", "roll back to the starting point of the migration");
            awaitAcknowledged(load, load.acknowledged().size() + 40);
            for (String capability : List.of("inventory", "payment")) {
                switchTo(capability, "shadow", "start the parallel run");
                Awaitility.await(capability + " orders compared in the shadow run").atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(500)).until(() -> diff(capability).matched() >= MATCHED_PER_RUN);
                switchTo(capability, "events", "the diff is empty: cut over");
                atCutOver.put(capability, diff(capability));
                awaitAcknowledged(load, load.acknowledged().size() + 30);
            }
            load.close();
            walked.addAll(load.acknowledged());
            walkTally = load.tally();
        }
        awaitSettled(walked);
    }

    @Test
    @Order(1)
    void everyOrderPlacedDuringTheWalkIsAcknowledgedAndEndsConfirmedOrCancelled() throws Exception {
        System.out.println("migration walk: " + walkTally.describe());
        assertThat(walkTally.refused()).as("orders refused while the modes switched").isZero();
        assertThat(walkTally.failed()).as("orders that got no answer while the modes switched").isZero();
        assertThat(walked).hasSize((int) walkTally.acknowledged()).hasSizeGreaterThan(150);
        Map<String, Long> statuses = databases.invariants().statusCounts(walked);
        assertThat(statuses.get("PENDING")).isZero();
        assertThat(statuses.get("CONFIRMED") + statuses.get("CANCELLED")).isEqualTo(walked.size());
    }

    @Test
    @Order(2)
    void eachShadowRunMatchedEveryOrderBeforeItsCutOver() {
        assertThat(atCutOver).containsOnlyKeys("inventory", "payment");
        atCutOver.forEach((capability, diff) -> {
            System.out.printf("%s shadow run at cut-over: %d matched, %d mismatched, %d pending%n", capability, diff.matched(),
                    diff.mismatched(), diff.pending());
            assertThat(diff.mode()).isEqualTo("events");
            assertThat(diff.matched()).as("%s orders compared", capability).isGreaterThanOrEqualTo(MATCHED_PER_RUN);
            assertThat(diff.mismatched()).as("%s mismatches: %s", capability, diff.latestMismatches()).isZero();
            assertThat(diff.pending()).as("%s orders not compared", capability).isZero();
        });
    }

    @Test
    @Order(3)
    void decidesEveryOrderOnceUnderTheModeItWasPlacedIn() {
        Map<String, String> decisions = databases.byOrder(ServiceDatabases.ORDERS, "SELECT aggregateid, count(*)::text FROM outbox_event"
                + " WHERE aggregateid = ANY (?::text[]) AND type IN ('OrderConfirmed', 'OrderCancelled') GROUP BY aggregateid", walked);
        assertThat(decisions).hasSize(walked.size());
        assertThat(decisions.values()).allMatch("1"::equals);
        Map<String, String> modes = databases.byOrder(ServiceDatabases.ORDERS, "SELECT id::text, inventory_mode || '/' || payment_mode"
                + " FROM orders WHERE id = ANY (?)", walked);
        Map<String, Long> byModes = new LinkedHashMap<>();
        modes.values().forEach(pair -> byModes.merge(pair, 1L, Long::sum));
        System.out.println("orders by inventory/payment mode: " + byModes);
        assertThat(byModes).containsKeys("events/events", "monolith/monolith", "shadow/monolith", "events/shadow");
    }

    @Test
    @Order(4)
    void holdsTheStockAndMoneyInvariantsOnBothSides() {
        assertThat(databases.sagaViolations()).isEmpty();
        assertThat(databases.legacyViolations()).isEmpty();
    }

    @Test
    @Order(5)
    void aDivergenceSeededIntoTheServiceShowsUpInTheDiffAndBlocksTheCutOver() {
        switchTo("inventory", "shadow", "parallel run with a seeded divergence");
        // the service believes SKU-HONEY is sold out; the legacy module still has it (initial moves along, so the
        // service's own ledger stays consistent)
        assertThat(databases.execute(ServiceDatabases.INVENTORY,
                "UPDATE stock SET initial = initial - on_hand, on_hand = 0 WHERE sku = 'SKU-HONEY'")).isEqualTo(1);
        Set<String> honey = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            honey.add(orders.place("{\"customerId\":\"customer-01" + i + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"SKU-HONEY\","
                    + "\"quantity\":1,\"unitPrice\":1.00}]}").path("orderId").asString());
        }

        Awaitility.await("the service's answers for the honey orders").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> diff("inventory").pending() == 0 && diff("inventory").mismatched() == 3);
        MigrationDiff.CapabilityDiff diff = diff("inventory");
        assertThat(diff.byCategory()).containsExactly(Map.entry("outcome", 3L));
        assertThat(diff.latestMismatches()).extracting(MigrationDiff.Mismatch::orderId).containsExactlyInAnyOrderElementsOf(honey);
        assertThat(diff.latestMismatches()).allSatisfy(mismatch -> {
            assertThat(mismatch.legacy().outcome()).isEqualTo("RESERVED");
            assertThat(mismatch.service().outcome()).isEqualTo("REJECTED");
            assertThat(mismatch.service().detail().toString()).contains("SKU-HONEY");
        });
        assertThatThrownBy(() -> migration.switchMode("inventory", "events", "test", "cut over despite the diff", null, false))
                .isInstanceOfSatisfying(MigrationProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.detail()).contains("3 mismatches");
                });

        // back to the legacy module, then to events: the cut-over copies the legacy state, which heals the service's
        switchTo("inventory", "monolith", "the service's stock diverged");
        switchTo("inventory", "events", "cut over with the legacy state");
        awaitSettled(honey);
        assertThat(databases.sagaViolations()).isEmpty();
        assertThat(databases.legacyViolations()).isEmpty();
    }

    @Test
    @Order(6)
    void aRollbackFromEventsToShadowUnderLoadKeepsTheInvariants() {
        Set<String> placed;
        MigrationDiff.CapabilityDiff run;
        LoadTally tally;
        try (SteadyOrderLoad load = new SteadyOrderLoad(orders, new OrderGenerator(1_613), RATE)) {
            load.start();
            awaitAcknowledged(load, 20);
            switchTo("payment", "shadow", "roll back to the parallel run");
            Awaitility.await("payment orders compared").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> diff("payment").matched() >= MATCHED_PER_RUN);
            switchTo("payment", "events", "cut over again");
            run = diff("payment");
            awaitAcknowledged(load, load.acknowledged().size() + 20);
            load.close();
            placed = load.acknowledged();
            tally = load.tally();
        }
        awaitSettled(placed);
        assertThat(tally.refused() + tally.failed()).isZero();
        assertThat(run.mismatched()).as("mismatches: %s", run.latestMismatches()).isZero();
        assertThat(databases.sagaViolations()).isEmpty();
        assertThat(databases.legacyViolations()).isEmpty();
    }

    @Test
    @Order(7)
    void syncModeDecidesEachOrderInsideItsRequestThroughTheServicesHttpApi() {
        switchTo("inventory", "sync", "the REST-coupled stage");
        switchTo("payment", "sync", "the REST-coupled stage");
        Set<String> placed = new HashSet<>();
        try {
            OrderGenerator generator = new OrderGenerator(1_614);
            for (int i = 0; i < 20; i++) {
                tools.jackson.databind.JsonNode order = orders.place(generator.nextOrderJson());
                assertThat(order.path("status").asString()).as("order %s answered", order.path("orderId").asString())
                        .isIn("CONFIRMED", "CANCELLED");
                assertThat(order.path("modes").path("payment").asString()).isEqualTo("sync");
                placed.add(order.path("orderId").asString());
            }
        } finally {
            switchTo("inventory", "events", "back to events");
            switchTo("payment", "events", "back to events");
        }
        awaitSettled(placed);
        assertThat(databases.sagaViolations()).isEmpty();
        Map<String, String> decisions = databases.byOrder(ServiceDatabases.ORDERS, "SELECT aggregateid, count(*)::text FROM outbox_event"
                + " WHERE aggregateid = ANY (?::text[]) AND type IN ('OrderConfirmed', 'OrderCancelled') GROUP BY aggregateid", placed);
        assertThat(decisions.values()).hasSize(20).allMatch("1"::equals);
    }

    private static void switchTo(String capability, String mode, String reason) {
        MigrationApi.CapabilityMode now;
        long started = System.nanoTime();
        try {
            now = migration.switchMode(capability, mode, "MigrationWalkIT", reason, null, false);
            System.out.printf("%s switched to %s in %d ms%n", capability, mode, (System.nanoTime() - started) / 1_000_000);
        } catch (MigrationProblem refused) {
            throw new AssertionError(refused.getMessage() + "; the diff: " + migration.diff(), refused);
        }
        assertThat(now.mode()).isEqualTo(mode);
    }

    private static MigrationDiff.CapabilityDiff diff(String capability) {
        return migration.diff().capabilities().stream().filter(d -> d.capability().equals(capability)).findFirst().orElseThrow();
    }

    private static void awaitAcknowledged(SteadyOrderLoad load, int orders) {
        Awaitility.await(orders + " orders acknowledged").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> load.acknowledged().size() >= orders);
    }

    private static void awaitSettled(Set<String> orderIds) {
        Awaitility.await("every order CONFIRMED or CANCELLED").atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                .until(() -> databases.invariants().statusCounts(orderIds).get("PENDING") == 0);
        // the last order can end while compensations of earlier ones are still on their way
        Awaitility.await("the saga invariants").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> databases.sagaViolations().isEmpty() && databases.legacyViolations().isEmpty());
    }
}
