-- The order monolith's schema. The outbox table (V0_1_0, from the relaybox outbox starter) comes first.

CREATE TABLE orders (
    id                  uuid          PRIMARY KEY,
    customer_id         text          NOT NULL,
    currency            char(3)       NOT NULL,
    status              text          NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED')),
    total               numeric(19,2) NOT NULL CHECK (total >= 0),
    placed_at           timestamptz   NOT NULL,
    cancelled_at        timestamptz,
    cancellation_reason text,
    CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
);

CREATE INDEX orders_customer_id_idx ON orders (customer_id);

CREATE TABLE order_line (
    order_id   uuid          NOT NULL REFERENCES orders (id),
    line_no    int           NOT NULL,
    sku        text          NOT NULL,
    quantity   int           NOT NULL CHECK (quantity > 0),
    unit_price numeric(19,2) NOT NULL CHECK (unit_price >= 0),
    line_total numeric(19,2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
