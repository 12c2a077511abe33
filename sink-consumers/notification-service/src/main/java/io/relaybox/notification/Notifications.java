package io.relaybox.notification;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records the e-mail an order event calls for, in the caller's transaction (the inbox's, when an event is applied), and
 * nudges the delivery once that transaction commits. Nothing is sent inside the transaction: an e-mail leaves only
 * once the event's effect is durable, and a rolled-back event sends nothing.
 */
@Service
public class Notifications {

    private final CustomerContacts contacts;
    private final EmailRepository emails;
    private final EmailDelivery delivery;
    private final String messageIdDomain;

    Notifications(CustomerContacts contacts, EmailRepository emails, EmailDelivery delivery,
            NotificationProperties properties) {
        this.contacts = contacts;
        this.emails = emails;
        this.delivery = delivery;
        this.messageIdDomain = properties.messageIdDomain();
    }

    /**
     * Records the customer's e-mail for the event, once per event id.
     *
     * @param eventId the event: a second call with it records nothing
     * @param eventType {@code OrderConfirmed} or {@code OrderCancelled}
     * @param order the order the event carries
     * @return whether this call recorded the e-mail
     */
    @Transactional
    public boolean orderChanged(UUID eventId, String eventType, OrderSummary order) {
        Recipient to = contacts.recipientOf(order.customerId());
        ComposedEmail composed = EmailTemplates.compose(eventType, order, to);
        boolean recorded = emails.record(new OrderEmail(eventId, order.orderId(), eventType, order.customerId(),
                to.address(), to.fallback(), composed.subject(), composed.body(),
                MessageIds.of(eventId, messageIdDomain), OrderEmail.PENDING, 0, null, null));
        if (recorded && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delivery.wakeUp();
                }
            });
        }
        return recorded;
    }

    /** The order's e-mails, oldest first. */
    @Transactional(readOnly = true)
    public List<OrderEmail> ofOrder(UUID orderId) {
        return emails.ofOrder(orderId);
    }
}
