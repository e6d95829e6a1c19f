-- Sign-in: account state, signing keys for access tokens, rotating refresh tokens, audit trail.

ALTER TABLE user_account ADD COLUMN email_verified boolean NOT NULL DEFAULT false;
ALTER TABLE user_account ADD COLUMN disabled boolean NOT NULL DEFAULT false;
UPDATE user_account SET email_verified = true WHERE platform_admin;

CREATE TABLE signing_key (
    kid          text PRIMARY KEY,
    private_key  bytea       NOT NULL, -- PKCS#8
    public_key   bytea       NOT NULL, -- X.509 SubjectPublicKeyInfo
    created_at   timestamptz NOT NULL,
    retired_at   timestamptz
);

-- A family is one sign-in; each refresh replaces its token with a new one of the same family.
CREATE TABLE refresh_token (
    id                 uuid PRIMARY KEY,
    family_id          uuid        NOT NULL,
    user_id            uuid        NOT NULL REFERENCES user_account (id),
    token_hash         text        NOT NULL UNIQUE, -- SHA-256 of the token, never the token
    issued_at          timestamptz NOT NULL,
    family_expires_at  timestamptz NOT NULL,
    used_at            timestamptz,
    revoked_at         timestamptz
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_user ON refresh_token (user_id);

CREATE TABLE audit_event (
    id              uuid PRIMARY KEY,
    tenant_id       uuid REFERENCES tenant (id),
    actor_id        uuid,
    action          text        NOT NULL,
    subject         text,
    source_address  text,
    detail          text,
    occurred_at     timestamptz NOT NULL
);
CREATE INDEX audit_event_tenant_time ON audit_event (tenant_id, occurred_at DESC);
