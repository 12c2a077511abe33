-- relaybox inbox (outbox-core): one row per event a consumer has applied, written in the same transaction as the
-- event's effect. A redelivered event finds its row and is skipped. The primary key serializes concurrent deliveries
-- of one event: the second INSERT ... ON CONFLICT DO NOTHING waits for the first transaction and then inserts nothing.

CREATE TABLE processed_event (
    consumer     text        NOT NULL,              -- the consumer name, e.g. inventory-service
    event_id     uuid        NOT NULL,              -- Kafka header "id": the outbox row's id
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
