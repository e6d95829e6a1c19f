-- Organizations and their members, and the database's own wall between tenants: row-level
-- security that the application's role (${appRole}) cannot bypass.

CREATE TABLE organization (
    id           uuid PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenant (id),
    name         text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    deleted_at   timestamptz
);
CREATE INDEX organization_tenant ON organization (tenant_id, created_at, id);

CREATE TABLE membership (
    id               uuid PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    organization_id  uuid        NOT NULL REFERENCES organization (id),
    user_id          uuid        NOT NULL REFERENCES user_account (id),
    role             text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER')),
    created_at       timestamptz NOT NULL,
    UNIQUE (organization_id, user_id)
);
CREATE INDEX membership_user ON membership (user_id);

-- The application's role: no ownership, no BYPASSRLS. An operator may create it beforehand
-- (with LOGIN and a password); the embedded database gets it here.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${appRole}') THEN
        CREATE ROLE "${appRole}" LOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO "${appRole}";
GRANT SELECT ON installation, flyway_schema_history TO "${appRole}";
GRANT SELECT, INSERT, UPDATE ON tenant TO "${appRole}";
GRANT SELECT, INSERT, UPDATE ON signing_key TO "${appRole}";
GRANT SELECT, INSERT, UPDATE ON user_account, refresh_token TO "${appRole}";
GRANT SELECT, INSERT ON audit_event TO "${appRole}";
GRANT SELECT, INSERT, UPDATE, DELETE ON organization, membership TO "${appRole}";

-- Rows are visible in their tenant's transactions (app.tenant_id) and, for the tables the
-- platform itself reads across tenants (sign-in, platform administration), in transactions that
-- declare the platform scope (app.scope). Both settings are transaction-local.
CREATE FUNCTION protohive_tenant_visible(row_tenant uuid) RETURNS boolean
    LANGUAGE sql STABLE AS
$$ SELECT row_tenant = nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE FUNCTION protohive_platform_scope() RETURNS boolean
    LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('app.scope', true), '') = 'platform' $$;

ALTER TABLE organization ENABLE ROW LEVEL SECURITY;
ALTER TABLE organization FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organization
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));

ALTER TABLE membership ENABLE ROW LEVEL SECURITY;
ALTER TABLE membership FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON membership
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));

ALTER TABLE user_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_account FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON user_account
    USING (protohive_tenant_visible(tenant_id) OR protohive_platform_scope())
    WITH CHECK (protohive_tenant_visible(tenant_id) OR protohive_platform_scope());

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_event
    USING (protohive_tenant_visible(tenant_id) OR protohive_platform_scope())
    WITH CHECK (protohive_tenant_visible(tenant_id) OR protohive_platform_scope());
