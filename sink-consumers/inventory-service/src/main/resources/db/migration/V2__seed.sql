-- Seed stock for the demo (local-platform OrderGenerator): 8 SKUs, SKU-APPLE .. SKU-HONEY, 450 units each.
--
-- Sizing: an order has 1-3 lines of 1-5 units, so 1,000 demo orders ask for about 6,000 units, about 750 per SKU,
-- while 3,600 are in stock. Orders that payment refuses are cancelled and their units come back, so about 4,000 units
-- are wanted by orders that payment accepts: stock runs short in the second half of the run. A simulation of the
-- generator against both seeds (this one and payment's 400.00 per currency; five generator seeds) gave 180-225
-- InventoryRejected next to 775-820 InventoryReserved per 1,000 orders; 500 units per SKU gave 90-113 rejections,
-- 600 gave 0-17.
INSERT INTO stock (sku, on_hand, reserved, initial)
SELECT sku, 450, 0, 450
FROM unnest(ARRAY['SKU-APPLE', 'SKU-BREAD', 'SKU-CHEESE', 'SKU-DATES', 'SKU-EGGS', 'SKU-FLOUR', 'SKU-GRAPES',
                  'SKU-HONEY']) AS sku;
