-- Programs reach the platform with API tokens: a person's own, or a service account's, which is an
-- account of the tenant that is not a person and never signs in with a password or a provider.
ALTER TABLE user_account ADD COLUMN service_account boolean NOT NULL DEFAULT false;

CREATE TABLE api_token (
    id                 uuid PRIMARY KEY,
    user_id            uuid        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    name               text        NOT NULL,
    scopes             text        NOT NULL, -- space separated: read chat tasks files admin
    token_hash         text        NOT NULL UNIQUE, -- SHA-256 of the token, never the token
    token_hint         text        NOT NULL, -- its last characters, so its owner recognizes it
    created_by         uuid        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    created_at         timestamptz NOT NULL,
    expires_at         timestamptz NOT NULL,
    revoked_at         timestamptz,
    last_used_at       timestamptz,
    last_used_address  text
);
CREATE INDEX api_token_user ON api_token (user_id, created_at, id);

-- Looked up by hash before any tenant is known, like refresh tokens: the platform's rows alone.
ALTER TABLE api_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_token FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_only ON api_token
    USING ((SELECT protohive_platform_scope())) WITH CHECK ((SELECT protohive_platform_scope()));
GRANT SELECT, INSERT, UPDATE, DELETE ON api_token TO "${appRole}";
