-- A tenant's own minimum time between two firings of a routine's schedule, from tenants-config;
-- NULL keeps the platform's default.
ALTER TABLE tenant
    ADD COLUMN routine_min_interval_minutes int CHECK (routine_min_interval_minutes > 0);
