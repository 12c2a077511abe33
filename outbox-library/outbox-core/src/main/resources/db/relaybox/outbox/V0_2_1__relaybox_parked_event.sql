-- relaybox inbox (outbox-core): the events a consumer has set aside, per aggregate, in arrival order. The first row
-- of an aggregate is the event it waits for (a dead letter); the later ones are parked behind it. An aggregate with
-- rows here is not applied until its first row is delivered again (re-driven) and applied; that row is then deleted
-- and the next one becomes the first.

CREATE TABLE parked_event (
    consumer     text        NOT NULL,              -- the consumer name
    event_id     uuid        NOT NULL,              -- the set-aside event
    aggregate_id text        NOT NULL,              -- its aggregate (the Kafka record key)
    seq          bigint      GENERATED ALWAYS AS IDENTITY, -- arrival order within the consumer
    event_type   text,                              -- for operators; null when the record had no type
    reason       text        NOT NULL,              -- exception class and message, or "parked behind <event id>"
    parked_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX parked_event_aggregate_idx ON parked_event (consumer, aggregate_id, seq);
