-- The saga: what inventory and payment reported for each order, and when the order was confirmed.

ALTER TABLE orders
    ADD COLUMN inventory_status text CHECK (inventory_status IN ('RESERVED', 'REJECTED', 'RELEASED')),
    ADD COLUMN payment_status   text CHECK (payment_status IN ('CAPTURED', 'FAILED', 'REFUNDED')),
    ADD COLUMN confirmed_at     timestamptz;

ALTER TABLE orders ADD CHECK ((status = 'CONFIRMED') = (confirmed_at IS NOT NULL) OR status = 'CANCELLED');
