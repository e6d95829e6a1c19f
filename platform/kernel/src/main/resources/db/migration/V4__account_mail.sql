-- Mail the platform sends (kept for the dev outbox and as a record), and single-use tokens that
-- verify an email address or reset a password.

CREATE TABLE mail_message (
    id          uuid PRIMARY KEY,
    tenant_id   uuid REFERENCES tenant (id),
    recipient   text        NOT NULL,
    subject     text        NOT NULL,
    body        text        NOT NULL,
    delivery    text        NOT NULL CHECK (delivery IN ('OUTBOX', 'SMTP')),
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz,
    error       text
);
CREATE INDEX mail_message_time ON mail_message (created_at DESC);

CREATE TABLE account_token (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES user_account (id),
    purpose     text        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    token_hash  text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);

GRANT SELECT, INSERT, UPDATE ON mail_message, account_token TO "${appRole}";

ALTER TABLE mail_message ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_message FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mail_message
    USING (protohive_tenant_visible(tenant_id) OR protohive_platform_scope())
    WITH CHECK (protohive_tenant_visible(tenant_id) OR protohive_platform_scope());
