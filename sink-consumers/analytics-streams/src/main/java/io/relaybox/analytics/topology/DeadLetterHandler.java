package io.relaybox.analytics.topology;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.relaybox.outbox.kafka.DeadLetterHeaders;

/**
 * A record the topology cannot read ({@link UnreadableEventException}) goes to {@code <topic>.dlq} as it came (key,
 * value and headers untouched) with the reason headers every relaybox consumer writes ({@link DeadLetterHeaders}, the
 * consumer named by the application id), in the same transaction as the processing; the records behind it flow on. Any
 * other exception is a bug: the application stops rather than count wrong.
 */
public final class DeadLetterHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);
    private static final int MESSAGE_LIMIT = 4000;

    private String consumer = "analytics-streams";

    @Override
    public void configure(Map<String, ?> configs) {
        Object applicationId = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        if (applicationId != null) {
            consumer = applicationId.toString();
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (!(exception instanceof UnreadableEventException unreadable)) {
            return Response.fail();
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : context.headers()) {
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                headers.add(header);
            }
        }
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        add(headers, DeadLetterHeaders.EXCEPTION_CLASS, exception.getClass().getName());
        add(headers, DeadLetterHeaders.EXCEPTION_MESSAGE, limited(message));
        add(headers, DeadLetterHeaders.REASON, unreadable.reason());
        if (!unreadable.violations().isEmpty()) {
            List<String> violations = unreadable.violations();
            add(headers, DeadLetterHeaders.VIOLATIONS,
                    limited(String.join("\n", violations.subList(0, Math.min(DeadLetterHeaders.LISTED_VIOLATIONS, violations.size())))));
        }
        add(headers, DeadLetterHeaders.SOURCE_TOPIC, context.topic());
        add(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(context.partition()));
        add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(context.offset()));
        add(headers, DeadLetterHeaders.CONSUMER, consumer);
        LOG.warn("dead-lettering {}-{}@{}: {}", context.topic(), context.partition(), context.offset(), message);
        return Response.resume(List.of(new ProducerRecord<>(DeadLetterHeaders.deadLetterTopic(context.topic()), null, context.sourceRawKey(),
                context.sourceRawValue(), headers)));
    }

    private static String limited(String text) {
        return text.length() > MESSAGE_LIMIT ? text.substring(0, MESSAGE_LIMIT) : text;
    }

    private static void add(RecordHeaders headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
