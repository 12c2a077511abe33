-- The payment service's schema. The outbox and inbox tables (V0_*, from the relaybox outbox starter) come first.

-- One balance per customer and currency; it never goes below zero.
CREATE TABLE account (
    customer_id text          NOT NULL,
    currency    char(3)       NOT NULL,
    balance     numeric(19,2) NOT NULL CHECK (balance >= 0),
    initial     numeric(19,2) NOT NULL CHECK (initial >= 0),  -- when seeded: initial - balance = captured, not refunded
    PRIMARY KEY (customer_id, currency)
);

-- One row per order id: every capture and refund of an order locks it first, so an HTTP call and an event for the
-- same order serialize here, and a repeat finds the recorded outcome. DECIDING exists only inside the transaction
-- that inserted the row (it decides and updates the row before it commits). A CANCELLED row (the order was cancelled
-- before it was placed here) has no charge.
CREATE TABLE payment (
    order_id       uuid          PRIMARY KEY,
    status         text          NOT NULL CHECK (status IN ('DECIDING', 'CAPTURED', 'FAILED', 'REFUNDED', 'CANCELLED')),
    customer_id    text,
    currency       char(3),
    amount         numeric(19,2) CHECK (amount >= 0),
    failure_reason text          CHECK (failure_reason IN ('INSUFFICIENT_FUNDS', 'UNKNOWN_CUSTOMER')),
    created_at     timestamptz   NOT NULL DEFAULT now(),
    updated_at     timestamptz   NOT NULL DEFAULT now(),
    CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL)),
    CHECK (status = 'CANCELLED' OR (customer_id IS NOT NULL AND currency IS NOT NULL AND amount IS NOT NULL))
);

CREATE INDEX payment_customer_idx ON payment (customer_id, currency);
