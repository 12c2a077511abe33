-- Seed accounts for the demo (local-platform OrderGenerator): customer-000 .. customer-189 hold 400.00 in each of
-- EUR, USD and CHF; customer-190 .. customer-199 have no account, so their orders fail with UNKNOWN_CUSTOMER.
--
-- Sizing: an order costs about 150 on average (1-3 lines, 1-5 units at 0.50-50.49), and 1,000 demo orders make
-- about 5 per customer, spread over the 3 currencies: about 255 per account, with a wide spread. A simulation of the
-- generator against both seeds (this one and inventory's 450 units per SKU; five generator seeds) gave 200-240
-- PaymentFailed per 1,000 orders (40-63 of them UNKNOWN_CUSTOMER) next to 760-800 PaymentCaptured; 300.00 per
-- currency gave about 330 failures.
INSERT INTO account (customer_id, currency, balance, initial)
SELECT 'customer-' || lpad(n::text, 3, '0'), currency, 400.00, 400.00
FROM generate_series(0, 189) AS n, unnest(ARRAY['EUR', 'USD', 'CHF']) AS currency;
