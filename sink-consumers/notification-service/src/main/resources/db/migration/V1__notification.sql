-- The notification service's schema. The outbox and inbox tables (V0_*, from the relaybox outbox starter) come first.

-- Where a customer's e-mails go. A customer without a row gets hers through the fallback address
-- (notification.fallback-address): the message is still sent, to someone who can act on it.
CREATE TABLE customer_contact (
    customer_id text PRIMARY KEY,
    name        text NOT NULL,
    email       text NOT NULL CHECK (email LIKE '%_@_%')
);

-- One e-mail per event, recorded in the transaction that applies the event (the inbox's): the event id is the key, so
-- an event applied twice cannot record two. Delivered after commit: PENDING until the SMTP server accepted it, then
-- SENT. A delivery takes the row's lock (FOR UPDATE SKIP LOCKED), so two instances never send the same row at once;
-- a crash between the server's acceptance and the SENT update leaves it PENDING, and it is sent again with the same
-- Message-ID (derived from the event id): a duplicate a mail client or an audit can detect.
CREATE TABLE email (
    event_id        uuid        PRIMARY KEY,
    order_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    customer_id     text        NOT NULL,
    recipient       text        NOT NULL,
    fallback        boolean     NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    message_id      text        NOT NULL UNIQUE,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENT')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);

-- what the delivery loop asks for: the pending rows that are due
CREATE INDEX email_due_idx ON email (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX email_order_idx ON email (order_id);
