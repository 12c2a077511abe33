package io.relaybox.payment;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Captures and refunds per order, idempotently by order id: the first call decides and publishes its outcome event in
 * the same transaction; every later call returns the recorded outcome and publishes nothing. Called by the HTTP API
 * and by the event handler (which joins the inbox's transaction).
 *
 * <p>Locks are taken in one order everywhere: the order's payment row first, then the account row. So an HTTP call
 * and an event for the same order serialize on the payment row, and two instances never overdraw an account.
 */
@Service
public class Payments {

    /** The status of a claimed row until the transaction that claimed it decides; never committed. */
    private static final String DECIDING = "DECIDING";

    private final PaymentRepository payments;
    private final AccountRepository accounts;
    private final PaymentEvents events;

    Payments(PaymentRepository payments, AccountRepository accounts, PaymentEvents events) {
        this.payments = payments;
        this.accounts = accounts;
        this.events = events;
    }

    /**
     * Debits the amount if the account exists and holds enough, and publishes {@code PaymentCaptured} or
     * {@code PaymentFailed}; for an order seen before, returns what was recorded (a cancelled order captures
     * nothing).
     *
     * @param orderId the order
     * @param charge what to capture, validated
     * @return the payment
     */
    @Transactional
    public Payment capture(UUID orderId, Charge charge) {
        if (!payments.claim(orderId, DECIDING, charge)) {
            return payments.lock(orderId).orElseThrow();
        }
        Optional<BigDecimal> balance = accounts.lockBalance(charge.customerId(), charge.currency());
        boolean known = balance.isPresent() || accounts.isKnown(charge.customerId());
        Optional<FailureReason> failure = CaptureDecision.decide(balance, known, charge.amount());
        Payment payment;
        if (failure.isEmpty()) {
            accounts.add(charge, charge.amount().negate());
            payment = Payment.of(orderId, PaymentStatus.CAPTURED, charge, null);
        } else {
            payment = Payment.of(orderId, PaymentStatus.FAILED, charge, failure.get());
        }
        payments.update(payment);
        events.decided(payment);
        return payment;
    }

    /**
     * Refunds a captured payment once and publishes {@code PaymentRefunded}. A failed, refunded or cancelled payment
     * is left as it is; an order not seen yet is marked cancelled, so that its OrderPlaced, should it still come,
     * captures nothing. Neither publishes anything.
     *
     * @param orderId the order
     * @return the payment after the refund
     */
    @Transactional
    public Payment refund(UUID orderId) {
        Optional<Payment> current = payments.lock(orderId);
        if (current.isEmpty()) {
            if (payments.claim(orderId, PaymentStatus.CANCELLED.name(), null)) {
                return Payment.cancelled(orderId);
            }
            current = payments.lock(orderId); // claimed concurrently: decide on what it recorded
        }
        Payment payment = current.orElseThrow();
        if (payment.status() != PaymentStatus.CAPTURED) {
            return payment;
        }
        accounts.lockBalance(payment.customerId(), payment.currency());
        accounts.add(payment.charge(), payment.amount());
        Payment refunded = payment.withStatus(PaymentStatus.REFUNDED);
        payments.update(refunded);
        events.refunded(refunded);
        return refunded;
    }

    /**
     * Locks, in customer and currency order, the account rows that capturing and refunding these orders will lock:
     * the accounts charged, and those the refunded orders' payments were charged to. A batch of events calls it first
     * (see the inbox's {@code BatchLocks}), so that two instances' batches queue for shared accounts instead of
     * deadlocking on them.
     *
     * @param charged the accounts of the orders to capture
     * @param refundedOrders the orders to refund
     */
    @Transactional
    public void lockAccounts(Collection<AccountKey> charged, Collection<UUID> refundedOrders) {
        Set<AccountKey> keys = new HashSet<>(charged);
        if (!refundedOrders.isEmpty()) {
            keys.addAll(payments.accountsOf(refundedOrders));
        }
        if (!keys.isEmpty()) {
            accounts.lock(keys);
        }
    }

    @Transactional(readOnly = true)
    public Optional<Payment> find(UUID orderId) {
        return payments.find(orderId);
    }

    @Transactional(readOnly = true)
    public List<Account> accounts() {
        return accounts.all();
    }

    @Transactional(readOnly = true)
    public Optional<Account> account(String customerId) {
        return accounts.find(customerId);
    }
}
