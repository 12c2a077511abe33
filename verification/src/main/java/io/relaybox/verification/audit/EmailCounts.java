package io.relaybox.verification.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The e-mails the SMTP server holds about a set of orders, against the rule "one e-mail per order that ended": a
 * resend after a crash carries the same {@code Message-ID} (detectable, allowed by the notification service's
 * guarantee, and named); two different e-mails about one order, or none, break the rule.
 *
 * @param expected orders that ended (CONFIRMED or CANCELLED) and must each have had one e-mail
 * @param emailed of those, how many the server holds an e-mail about
 * @param missing those without one, by order id (sorted)
 * @param duplicateMessageIds {@code Message-ID}s the server received more than once, with how many times
 * @param doubleSentOrders orders with more than one distinct {@code Message-ID}, by order id (sorted)
 */
public record EmailCounts(long expected, long emailed, List<String> missing, Map<String, Long> duplicateMessageIds,
        List<String> doubleSentOrders) {

    public EmailCounts {
        missing = List.copyOf(missing);
        duplicateMessageIds = Map.copyOf(duplicateMessageIds);
        doubleSentOrders = List.copyOf(doubleSentOrders);
    }

    /** Counts the messages about {@code terminalOrders}; messages about other orders (earlier runs) are ignored. */
    public static EmailCounts of(Set<String> terminalOrders, Collection<SentMail> mails) {
        List<SentMail> ours = mails.stream().filter(m -> m.orderId().filter(terminalOrders::contains).isPresent()).toList();
        Map<String, Set<String>> messageIdsByOrder = ours.stream().collect(Collectors.groupingBy(m -> m.orderId().orElseThrow(),
                TreeMap::new, Collectors.mapping(SentMail::messageId, Collectors.toCollection(TreeSet::new))));
        Map<String, Long> copies = ours.stream().collect(Collectors.groupingBy(SentMail::messageId, TreeMap::new, Collectors.counting()));
        copies.values().removeIf(count -> count < 2);
        List<String> missing = terminalOrders.stream().filter(order -> !messageIdsByOrder.containsKey(order)).sorted().toList();
        List<String> doubleSent = messageIdsByOrder.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
        return new EmailCounts(terminalOrders.size(), messageIdsByOrder.size(), missing, copies, doubleSent);
    }

    /** Messages received beyond one per {@code Message-ID}. */
    public long duplicates() {
        return duplicateMessageIds.values().stream().mapToLong(count -> count - 1).sum();
    }

    /** Every order that ended has its e-mail and no order has two different ones (same-{@code Message-ID} resends aside). */
    public boolean complete() {
        return missing.isEmpty() && doubleSentOrders.isEmpty();
    }
}
