-- POST /orders with an Idempotency-Key header: the key, a fingerprint of what the request asked for, and the order it
-- created. A retry with the same key finds the row and gets that order back; the same key with another request is
-- refused. Keys live as long as their order. The foreign key is checked at commit: the key is claimed first, so that a
-- concurrent request with the same key waits here instead of placing a second order.
CREATE TABLE order_idempotency_key (
    idempotency_key text        PRIMARY KEY,
    fingerprint     text        NOT NULL,
    order_id        uuid        NOT NULL REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED,
    created_at      timestamptz NOT NULL DEFAULT now()
);
