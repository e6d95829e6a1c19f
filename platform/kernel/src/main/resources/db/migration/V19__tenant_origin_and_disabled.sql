-- Where a tenant comes from: a tenants-config file (then read-only for the platform admins' API)
-- or that API; and whether it is disabled: its people cannot sign in and its sign-up is closed.
ALTER TABLE tenant ADD COLUMN origin text NOT NULL DEFAULT 'CONFIG' CHECK (origin IN ('CONFIG', 'API'));
ALTER TABLE tenant ADD COLUMN disabled boolean NOT NULL DEFAULT false;
CREATE INDEX tenant_created ON tenant (created_at, id);
