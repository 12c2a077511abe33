-- The inventory service's schema. The outbox and inbox tables (V0_*, from the relaybox outbox starter) come first.

-- Stock per SKU: on_hand = units available to reserve, reserved = units held for orders.
CREATE TABLE stock (
    sku      text PRIMARY KEY,
    on_hand  int  NOT NULL CHECK (on_hand >= 0),
    reserved int  NOT NULL CHECK (reserved >= 0),
    initial  int  NOT NULL CHECK (initial >= 0)   -- on hand when seeded: initial - on_hand = units held
);

-- One row per order id: every reserve and release of an order locks it first, so an HTTP call and an event for the
-- same order serialize here, and a repeat finds the recorded outcome. DECIDING exists only inside the transaction that
-- inserted the row (it decides and updates the row before it commits).
CREATE TABLE reservation (
    order_id   uuid        PRIMARY KEY,
    status     text        NOT NULL CHECK (status IN ('DECIDING', 'RESERVED', 'REJECTED', 'RELEASED', 'CANCELLED')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The units an order asked for, one row per SKU (lines of the same SKU summed); held while RESERVED.
CREATE TABLE reservation_line (
    order_id uuid NOT NULL REFERENCES reservation (order_id),
    sku      text NOT NULL,
    quantity int  NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, sku)
);

-- Why an order was REJECTED: the SKUs that were short when it was decided.
CREATE TABLE reservation_shortage (
    order_id  uuid NOT NULL REFERENCES reservation (order_id),
    sku       text NOT NULL,
    requested int  NOT NULL CHECK (requested > 0),
    available int  NOT NULL CHECK (available >= 0),
    PRIMARY KEY (order_id, sku)
);
