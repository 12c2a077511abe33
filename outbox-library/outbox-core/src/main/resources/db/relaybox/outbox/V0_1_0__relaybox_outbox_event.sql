-- relaybox outbox (outbox-core): one row per event; Debezium reads the inserts from the write-ahead log and its
-- Outbox Event Router turns each into a Kafka record. Versions below 1, so a service's own V1.. migrations follow.

CREATE TABLE outbox_event (
    id            uuid        PRIMARY KEY,          -- event id (UUIDv7): Kafka header "id", the deduplication key
    aggregatetype text        NOT NULL,             -- routes to the topic <aggregatetype>.events
    aggregateid   text        NOT NULL,             -- the Kafka record key
    type          text        NOT NULL,             -- event type, past tense: Kafka header "type"
    payload       jsonb       NOT NULL,             -- the event body: the Kafka record value
    schemaversion int         NOT NULL CHECK (schemaversion > 0),
    occurredat    timestamptz NOT NULL,             -- business time: Kafka header "occurredat"
    traceparent   text,                             -- W3C trace context: Kafka header "traceparent"
    headers       jsonb                             -- extra headers as a JSON object: Kafka header "headers"
);

-- Only the retain mode keeps rows; its purger deletes them by age.
CREATE INDEX outbox_event_occurredat_idx ON outbox_event (occurredat);

-- The publication the Debezium connector reads (publication.autocreate.mode=disabled). Inserts only: the deletes
-- of the delete-after-insert mode and of the purger never reach the connector.
CREATE PUBLICATION relaybox_outbox FOR TABLE outbox_event WITH (publish = 'insert');
