-- The installation record, tenants and user accounts.

CREATE TABLE installation (
    id             uuid PRIMARY KEY,
    installed_at   timestamptz NOT NULL,
    first_version  text        NOT NULL
);

-- the platform's own record, one row for its whole life; a migration runs once, even in a cluster
INSERT INTO installation (id, installed_at, first_version)
VALUES (gen_random_uuid(), now(), '${platformVersion}');

CREATE TABLE tenant (
    id                     uuid PRIMARY KEY,
    slug                   text        NOT NULL UNIQUE,
    name                   text        NOT NULL,
    allowed_email_domains  text        NOT NULL DEFAULT '',
    self_signup            boolean     NOT NULL DEFAULT false,
    email_verification     boolean     NOT NULL DEFAULT true,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL
);

CREATE TABLE user_account (
    id              uuid PRIMARY KEY,
    tenant_id       uuid        REFERENCES tenant (id),
    email           text        NOT NULL,
    display_name    text        NOT NULL,
    password_hash   text        NOT NULL,
    platform_admin  boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL
);

-- an email is unique within its tenant; platform accounts (no tenant) form one more namespace
CREATE UNIQUE INDEX user_account_email_per_tenant
    ON user_account (COALESCE(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(email));
