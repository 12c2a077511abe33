-- Where an order was placed (order events v2: salesChannel). Orders placed before came through the web shop.
ALTER TABLE orders ADD COLUMN sales_channel text NOT NULL DEFAULT 'WEB'
    CONSTRAINT orders_sales_channel_known CHECK (sales_channel IN ('WEB', 'STORE', 'PHONE', 'PARTNER'));
