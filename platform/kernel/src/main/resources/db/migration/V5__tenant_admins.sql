-- Tenant admins, declared by email in tenants-config.
ALTER TABLE tenant ADD COLUMN admin_emails text NOT NULL DEFAULT '';
