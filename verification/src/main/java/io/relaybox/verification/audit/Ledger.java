package io.relaybox.verification.audit;

/**
 * Where a capability's ledger lives: in the extracted service's database, or in the order monolith's legacy module
 * (the {@code legacy_*} tables of the orders database), which decides in migration modes {@code monolith} and
 * {@code shadow}. Both have the same columns.
 */
public enum Ledger {

    SERVICE("inventory", "stock", "reservation", "reservation_line", "payment", "account", "payment"),
    LEGACY("orders", "legacy_stock", "legacy_reservation", "legacy_reservation_line", "orders", "legacy_account", "legacy_payment");

    private final String inventoryDatabase;
    private final String stock;
    private final String reservation;
    private final String reservationLine;
    private final String paymentDatabase;
    private final String account;
    private final String payment;

    Ledger(String inventoryDatabase, String stock, String reservation, String reservationLine, String paymentDatabase, String account,
            String payment) {
        this.inventoryDatabase = inventoryDatabase;
        this.stock = stock;
        this.reservation = reservation;
        this.reservationLine = reservationLine;
        this.paymentDatabase = paymentDatabase;
        this.account = account;
        this.payment = payment;
    }

    /** The side whose decisions count in a migration mode: the legacy module's in monolith and shadow. */
    public static Ledger authoritativeIn(String mode) {
        return mode.equals("monolith") || mode.equals("shadow") ? LEGACY : SERVICE;
    }

    String inventoryDatabase() {
        return inventoryDatabase;
    }

    String stock() {
        return stock;
    }

    String reservation() {
        return reservation;
    }

    String reservationLine() {
        return reservationLine;
    }

    String paymentDatabase() {
        return paymentDatabase;
    }

    String account() {
        return account;
    }

    String payment() {
        return payment;
    }
}
