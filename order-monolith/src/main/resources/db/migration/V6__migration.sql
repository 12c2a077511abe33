-- The migration from the monolith to events (issue #12), per capability: inventory and payment.
--
-- The legacy module: the monolith as it was before the services were extracted. It keeps its own stock and accounts in
-- this database and decides inside POST /orders when a capability's mode is monolith or shadow. Seeded as the services
-- are (their V2__seed.sql), so that both sides start equal on a fresh platform.
CREATE TABLE legacy_stock (
    sku      text PRIMARY KEY,
    on_hand  int  NOT NULL CHECK (on_hand >= 0),
    reserved int  NOT NULL CHECK (reserved >= 0),
    initial  int  NOT NULL CHECK (initial >= 0)
);

-- One row per order the legacy module decided (or received by a back-fill from the service): its lines are held
-- while RESERVED. short_skus: what was short when REJECTED ([{sku, requested, available}]).
CREATE TABLE legacy_reservation (
    order_id   uuid        PRIMARY KEY,
    status     text        NOT NULL CHECK (status IN ('RESERVED', 'REJECTED', 'RELEASED', 'CANCELLED')),
    short_skus jsonb       NOT NULL DEFAULT '[]',
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE legacy_reservation_line (
    order_id uuid NOT NULL REFERENCES legacy_reservation (order_id),
    sku      text NOT NULL,
    quantity int  NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, sku)
);

CREATE TABLE legacy_account (
    customer_id text    NOT NULL,
    currency    char(3) NOT NULL,
    balance     numeric NOT NULL CHECK (balance >= 0),
    initial     numeric NOT NULL CHECK (initial >= 0),
    PRIMARY KEY (customer_id, currency)
);

CREATE TABLE legacy_payment (
    order_id       uuid        PRIMARY KEY,
    status         text        NOT NULL CHECK (status IN ('CAPTURED', 'FAILED', 'REFUNDED', 'CANCELLED')),
    customer_id    text,
    currency       char(3),
    amount         numeric     CHECK (amount >= 0),
    failure_reason text        CHECK (failure_reason IN ('INSUFFICIENT_FUNDS', 'UNKNOWN_CUSTOMER')),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL)),
    CHECK (status = 'CANCELLED' OR (customer_id IS NOT NULL AND currency IS NOT NULL AND amount IS NOT NULL))
);

INSERT INTO legacy_stock (sku, on_hand, reserved, initial)
SELECT sku, 450, 0, 450
FROM unnest(ARRAY['SKU-APPLE', 'SKU-BREAD', 'SKU-CHEESE', 'SKU-DATES', 'SKU-EGGS', 'SKU-FLOUR', 'SKU-GRAPES',
                  'SKU-HONEY']) AS sku;

INSERT INTO legacy_account (customer_id, currency, balance, initial)
SELECT 'customer-' || lpad(n::text, 3, '0'), currency, amount, amount
FROM generate_series(0, 189) AS n,
     (VALUES ('EUR', 400.00::numeric), ('USD', 400.00::numeric), ('CHF', 400.00::numeric), ('JPY', 60000::numeric),
             ('KWD', 120.000::numeric)) AS seed (currency, amount);

-- Who decides each capability now. A fresh platform runs the extracted services (events), as it did before the legacy
-- module existed; `./platform migrate inventory monolith` rolls a capability back to the starting point of a migration.
-- shadow_share: the share of orders, sticky by order id, that a shadow run compares (the others: monolith).
CREATE TABLE migration_mode (
    capability   text        PRIMARY KEY CHECK (capability IN ('inventory', 'payment')),
    mode         text        NOT NULL CHECK (mode IN ('monolith', 'sync', 'shadow', 'events')),
    shadow_share numeric     NOT NULL DEFAULT 1 CHECK (shadow_share >= 0 AND shadow_share <= 1),
    changed_at   timestamptz NOT NULL DEFAULT now(),
    changed_by   text        NOT NULL,
    reason       text        NOT NULL,
    shadow_run   bigint
);

INSERT INTO migration_mode (capability, mode, changed_by, reason)
VALUES ('inventory', 'events', 'install', 'the services decide, as before the migration modes existed'),
       ('payment', 'events', 'install', 'the services decide, as before the migration modes existed');

-- Every switch: who, when, why (the audit trail `./platform migrate --history` shows).
CREATE TABLE migration_mode_change (
    id           bigserial   PRIMARY KEY,
    capability   text        NOT NULL,
    from_mode    text        NOT NULL,
    to_mode      text        NOT NULL,
    shadow_share numeric     NOT NULL,
    changed_at   timestamptz NOT NULL,
    changed_by   text        NOT NULL,
    reason       text        NOT NULL
);

-- The mode each capability of an order was decided under, fixed when the order is placed: a switch while the order is
-- in flight does not change who decides it. Orders placed before: the services decided them.
ALTER TABLE orders
    ADD COLUMN inventory_mode text NOT NULL DEFAULT 'events' CHECK (inventory_mode IN ('monolith', 'sync', 'shadow', 'events')),
    ADD COLUMN payment_mode   text NOT NULL DEFAULT 'events' CHECK (payment_mode IN ('monolith', 'sync', 'shadow', 'events'));

-- The parallel run: per shadow order and capability, the legacy decision (written when the order is placed) and the
-- service's (written when its report arrives); service_outcome NULL = pending. shadow_run: the switch into shadow
-- that started the run the order belongs to (the diff reports the latest run). As GitHub's Scientist records them:
-- both values, both timings, the error of the non-authoritative side.
CREATE TABLE migration_shadow_result (
    order_id        uuid             NOT NULL,
    capability      text             NOT NULL CHECK (capability IN ('inventory', 'payment')),
    shadow_run      bigint           NOT NULL REFERENCES migration_mode_change (id),
    legacy_outcome  text             NOT NULL,
    legacy_detail   jsonb            NOT NULL,
    legacy_millis   double precision NOT NULL,
    service_outcome text,
    service_detail  jsonb,
    service_millis  double precision,
    service_error   text,
    matched         boolean,
    category        text,
    placed_at       timestamptz      NOT NULL,
    recorded_at     timestamptz,
    PRIMARY KEY (order_id, capability)
);

CREATE INDEX migration_shadow_result_pending_idx ON migration_shadow_result (shadow_run) WHERE service_outcome IS NULL;
CREATE INDEX migration_shadow_result_mismatch_idx ON migration_shadow_result (shadow_run, recorded_at) WHERE NOT matched;
