#!/bin/sh
# Creates the service databases for docker-compose (the local platform does the same in ServiceDatabase.java):
# one database per service, owned by the service's role, plus the CDC role Debezium logs in with.
set -eu

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v cdc_password="$RELAYBOX_CDC_PASSWORD" -v orders_password="$ORDERS_DB_PASSWORD" \
  -v inventory_password="$INVENTORY_DB_PASSWORD" -v payment_password="$PAYMENT_DB_PASSWORD" \
  -v notification_password="$NOTIFICATION_DB_PASSWORD" -v monitor_password="$RELAYBOX_MONITOR_PASSWORD" <<'SQL'
CREATE ROLE relaybox_cdc WITH LOGIN REPLICATION PASSWORD :'cdc_password';
CREATE ROLE orders_app WITH LOGIN PASSWORD :'orders_password';
CREATE ROLE inventory_app WITH LOGIN PASSWORD :'inventory_password';
CREATE ROLE payment_app WITH LOGIN PASSWORD :'payment_password';
CREATE ROLE notification_app WITH LOGIN PASSWORD :'notification_password';
-- the metrics exporter's role: reads pg_replication_slots and the statistics views, nothing else
CREATE ROLE relaybox_monitor WITH LOGIN PASSWORD :'monitor_password';
GRANT pg_monitor TO relaybox_monitor;
CREATE DATABASE orders OWNER orders_app;
CREATE DATABASE inventory OWNER inventory_app;
CREATE DATABASE payment OWNER payment_app;
CREATE DATABASE notification OWNER notification_app;
\connect orders
ALTER DEFAULT PRIVILEGES FOR ROLE orders_app IN SCHEMA public GRANT SELECT ON TABLES TO relaybox_cdc;
\connect inventory
ALTER DEFAULT PRIVILEGES FOR ROLE inventory_app IN SCHEMA public GRANT SELECT ON TABLES TO relaybox_cdc;
\connect payment
ALTER DEFAULT PRIVILEGES FOR ROLE payment_app IN SCHEMA public GRANT SELECT ON TABLES TO relaybox_cdc;
\connect notification
ALTER DEFAULT PRIVILEGES FOR ROLE notification_app IN SCHEMA public GRANT SELECT ON TABLES TO relaybox_cdc;
SQL
