-- The application's own schema: it comes after the outbox migration (V0_1_0) in the same Flyway history.
CREATE TABLE business_row (id text PRIMARY KEY);
