-- Amounts in each currency's minor units: 0 decimals for JPY, 2 for EUR, 3 for KWD. numeric without a scale keeps the
-- scale of what is stored (1500, 12.50, 1.250), so an order reads back exactly as it was placed.
ALTER TABLE orders ALTER COLUMN total TYPE numeric;
ALTER TABLE order_line ALTER COLUMN unit_price TYPE numeric, ALTER COLUMN line_total TYPE numeric;
