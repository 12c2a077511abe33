package io.relaybox.analytics.topology;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.relaybox.outbox.kafka.DeadLetterHeaders;
import io.relaybox.outbox.kafka.DeadLetterRecordHeaders;

/**
 * A record the topology cannot read ({@link UnreadableEventException}) goes to {@code <topic>.dlq} as it came (key,
 * value and headers untouched) with the reason headers every relaybox consumer writes ({@link DeadLetterHeaders}, the
 * consumer named by the application id), in the same transaction as the processing; the records behind it flow on. Any
 * other exception is a bug: the application stops rather than count wrong.
 */
public final class DeadLetterHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

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
        RecordHeaders headers = DeadLetterRecordHeaders.of(context.headers())
                .failure(exception, unreadable.reason(), unreadable.violations())
                .source(context.topic(), context.partition(), context.offset(), consumer).build();
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        LOG.warn("dead-lettering {}-{}@{}: {}", context.topic(), context.partition(), context.offset(), message);
        return Response.resume(List.of(new ProducerRecord<>(DeadLetterHeaders.deadLetterTopic(context.topic()), null, context.sourceRawKey(),
                context.sourceRawValue(), headers)));
    }
}
