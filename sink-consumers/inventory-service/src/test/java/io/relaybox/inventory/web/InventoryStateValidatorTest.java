package io.relaybox.inventory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.relaybox.inventory.InventoryState;
import io.relaybox.inventory.RequestedLine;
import io.relaybox.inventory.ReservationStatus;
import io.relaybox.inventory.SkuQuantity;
import io.relaybox.inventory.StockLevel;
import io.relaybox.inventory.TransferredReservation;
import io.relaybox.inventory.web.InventoryStateRequest.ReservationRow;
import io.relaybox.inventory.web.InventoryStateRequest.StockRow;
import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.InvalidRequestException;
import io.relaybox.problem.StorableText;

class InventoryStateValidatorTest {

    private static final UUID ORDER = UUID.fromString("01a21234-0a4b-7000-8000-000000000001");
    private static final UUID OTHER = UUID.fromString("01a21234-0a4b-7000-8000-000000000002");

    private final InventoryStateValidator validator = new InventoryStateValidator();

    @Test
    void acceptsAStateWithAReservationOfEveryDecidedStatus() {
        InventoryState state = validator.state(new InventoryStateRequest(
                List.of(new StockRow("SKU-APPLE", 447, 3, 450), new StockRow("SKU-BREAD", 0, 0, 0)),
                List.of(new ReservationRow(ORDER, "RESERVED", List.of(new RequestedLine("SKU-APPLE", 3))),
                        new ReservationRow(OTHER, "CANCELLED", List.of()))));

        assertThat(state.stock()).containsExactly(new StockLevel("SKU-APPLE", 447, 3, 450), new StockLevel("SKU-BREAD", 0, 0, 0));
        assertThat(state.reservations()).containsExactly(
                new TransferredReservation(ORDER, ReservationStatus.RESERVED, List.of(new SkuQuantity("SKU-APPLE", 3))),
                new TransferredReservation(OTHER, ReservationStatus.CANCELLED, List.of()));
        for (String status : List.of("REJECTED", "RELEASED")) {
            assertThat(validator.state(new InventoryStateRequest(List.of(), List.of(new ReservationRow(ORDER, status,
                    List.of(new RequestedLine("SKU-APPLE", 1)))))).reservations()).singleElement()
                    .extracting(TransferredReservation::status).isEqualTo(ReservationStatus.valueOf(status));
        }
    }

    @Test
    void acceptsAnEmptyState() {
        assertThat(validator.state(new InventoryStateRequest(List.of(), List.of())))
                .isEqualTo(new InventoryState(List.of(), List.of()));
    }

    @Test
    void refusesAMissingBodyOrMissingLists() {
        assertViolations(null, new FieldViolation("body", "must not be empty"));
        assertViolations(new InventoryStateRequest(null, null), new FieldViolation("stock", "must not be null"),
                new FieldViolation("reservations", "must not be null"));
    }

    @Test
    void namesEveryMissingOrNegativeStockFigure() {
        assertViolations(new InventoryStateRequest(Arrays.asList(new StockRow(null, null, -1, 0), null,
                new StockRow("SKU-A", -5, 0, null)), List.of()),
                new FieldViolation("stock[0].sku", "must not be blank"),
                new FieldViolation("stock[0].onHand", "must not be null"),
                new FieldViolation("stock[0].reserved", "must be greater than or equal to 0"),
                new FieldViolation("stock[1]", "must not be null"),
                new FieldViolation("stock[2].onHand", "must be greater than or equal to 0"),
                new FieldViolation("stock[2].initial", "must not be null"));
    }

    @Test
    void refusesASkuGivenTwiceOrThatCouldNotBeStored() {
        assertViolations(new InventoryStateRequest(List.of(new StockRow("SKU-A", 1, 0, 1), new StockRow("SKU-A", 2, 0, 2),
                new StockRow("SKU-\u0000", 1, 0, 1), new StockRow("x".repeat(101), 1, 0, 1)), List.of()),
                new FieldViolation("stock[1].sku", "must be unique"),
                new FieldViolation("stock[2].sku", StorableText.MESSAGE),
                new FieldViolation("stock[3].sku", "size must be at most 100"));
    }

    @Test
    void refusesAnUnknownStatusAndDecidingNamingTheField() {
        assertViolations(new InventoryStateRequest(List.of(), List.of(
                new ReservationRow(ORDER, "DECIDING", List.of(new RequestedLine("SKU-A", 1))),
                new ReservationRow(OTHER, "reserved", List.of(new RequestedLine("SKU-A", 1))),
                new ReservationRow(UUID.randomUUID(), null, List.of()))),
                new FieldViolation("reservations[0].status", "must not be DECIDING: only decided reservations are transferred"),
                new FieldViolation("reservations[1].status", "must be one of RESERVED, REJECTED, RELEASED, CANCELLED"),
                new FieldViolation("reservations[2].status", "must not be blank"));
    }

    @Test
    void refusesAMissingOrRepeatedOrderId() {
        List<RequestedLine> lines = List.of(new RequestedLine("SKU-A", 1));
        assertViolations(new InventoryStateRequest(List.of(), Arrays.asList(new ReservationRow(null, "RESERVED", lines),
                new ReservationRow(ORDER, "RESERVED", lines), new ReservationRow(ORDER, "RELEASED", lines), null)),
                new FieldViolation("reservations[0].orderId", "must not be null"),
                new FieldViolation("reservations[2].orderId", "must be unique"),
                new FieldViolation("reservations[3]", "must not be null"));
    }

    @Test
    void requiresLinesForADecidedOrderAndNoneForACancelledOne() {
        assertViolations(new InventoryStateRequest(List.of(), List.of(
                new ReservationRow(ORDER, "RESERVED", List.of()),
                new ReservationRow(OTHER, "CANCELLED", List.of(new RequestedLine("SKU-A", 1))),
                new ReservationRow(UUID.randomUUID(), "REJECTED", null))),
                new FieldViolation("reservations[0].lines", "must not be empty when the status is RESERVED"),
                new FieldViolation("reservations[1].lines", "must be empty when the status is CANCELLED"),
                new FieldViolation("reservations[2].lines", "must not be null"));
    }

    @Test
    void namesEveryInvalidLineByItsPath() {
        assertViolations(new InventoryStateRequest(List.of(), List.of(new ReservationRow(ORDER, "RELEASED",
                Arrays.asList(new RequestedLine("SKU-A", 0), new RequestedLine(" ", null), null, new RequestedLine("SKU-B", 2),
                        new RequestedLine("SKU-B", 1))))),
                new FieldViolation("reservations[0].lines[0].quantity", "must be greater than 0"),
                new FieldViolation("reservations[0].lines[1].sku", "must not be blank"),
                new FieldViolation("reservations[0].lines[1].quantity", "must not be null"),
                new FieldViolation("reservations[0].lines[2]", "must not be null"),
                new FieldViolation("reservations[0].lines[4].sku", "must be unique within the reservation"));
    }

    @Test
    void acceptsMoreUnitsInALineThanAnOrderMayAskForBecauseTheServiceStoresLinesSummedBySku() {
        assertThat(validator.state(new InventoryStateRequest(List.of(), List.of(new ReservationRow(ORDER, "RESERVED",
                List.of(new RequestedLine("SKU-A", 20_000)))))).reservations()).singleElement()
                .satisfies(reservation -> assertThat(reservation.lines()).containsExactly(new SkuQuantity("SKU-A", 20_000)));
    }

    private void assertViolations(InventoryStateRequest request, FieldViolation... expected) {
        assertThatThrownBy(() -> validator.state(request)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.violations()).containsExactly(expected));
    }
}
