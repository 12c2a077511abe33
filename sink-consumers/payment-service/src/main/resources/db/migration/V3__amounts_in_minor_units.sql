-- Amounts in each currency's minor units: 0 decimals for JPY, 2 for EUR, 3 for KWD. numeric without a scale keeps the
-- scale of what is stored (1500, 12.50, 1.250), so nothing is rounded; the service stores every amount at its
-- currency's scale.
ALTER TABLE account ALTER COLUMN balance TYPE numeric, ALTER COLUMN initial TYPE numeric;
ALTER TABLE payment ALTER COLUMN amount TYPE numeric;

-- The seeded customers also hold yen and Kuwaiti dinars (the demo orders in EUR, USD and CHF only).
INSERT INTO account (customer_id, currency, balance, initial)
SELECT 'customer-' || lpad(n::text, 3, '0'), currency, amount, amount
FROM generate_series(0, 189) AS n, (VALUES ('JPY', 60000::numeric), ('KWD', 120.000::numeric)) AS seed (currency, amount);
