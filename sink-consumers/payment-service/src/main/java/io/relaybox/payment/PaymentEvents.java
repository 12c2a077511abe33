package io.relaybox.payment;

import org.springframework.stereotype.Component;

import io.relaybox.contracts.EventType;
import io.relaybox.contracts.payload.PaymentFailedPayload;
import io.relaybox.contracts.payload.PaymentPayload;
import io.relaybox.outbox.Outbox;
import io.relaybox.outbox.OutboxMessage;

/** Publishes the outcome of each payment through the outbox, in the caller's transaction. */
@Component
class PaymentEvents {

    /** Routes to the topic {@code payments.events}. */
    static final String AGGREGATE_TYPE = EventType.Aggregate.PAYMENTS.aggregateType();
    static final String CAPTURED = EventType.PAYMENT_CAPTURED.typeName();
    static final String FAILED = EventType.PAYMENT_FAILED.typeName();
    static final String REFUNDED = EventType.PAYMENT_REFUNDED.typeName();
    static final int SCHEMA_VERSION = EventType.PAYMENT_CAPTURED.currentVersion();

    private final Outbox outbox;

    PaymentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code PaymentCaptured} or {@code PaymentFailed}, by the payment's status. */
    void decided(Payment payment) {
        if (payment.status() == PaymentStatus.CAPTURED) {
            publish(payment, CAPTURED, money(payment));
        } else {
            publish(payment, FAILED, new PaymentFailedPayload(payment.orderId(), payment.customerId(), payment.currency(),
                    payment.amount(), payment.reason().name()));
        }
    }

    void refunded(Payment payment) {
        publish(payment, REFUNDED, money(payment));
    }

    private static PaymentPayload money(Payment payment) {
        return new PaymentPayload(payment.orderId(), payment.customerId(), payment.currency(), payment.amount());
    }

    private void publish(Payment payment, String type, Object payload) {
        outbox.publish(OutboxMessage.of(AGGREGATE_TYPE, payment.orderId().toString(), type, payload)
                .withSchemaVersion(SCHEMA_VERSION));
    }
}
