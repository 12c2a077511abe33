-- Seed addresses for the demo's customers (local-platform OrderGenerator: customer-000 .. customer-199).
-- customer-180 .. customer-199 have none: their e-mails go to the fallback address, as a real shop's would for a
-- customer whose address is missing.
INSERT INTO customer_contact (customer_id, name, email)
SELECT 'customer-' || lpad(n::text, 3, '0'), 'Customer ' || lpad(n::text, 3, '0'),
       'customer-' || lpad(n::text, 3, '0') || '@customers.relaybox.example'
FROM generate_series(0, 179) AS n;
