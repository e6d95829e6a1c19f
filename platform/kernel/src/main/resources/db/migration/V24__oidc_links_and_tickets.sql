-- Which account a person at a tenant's OIDC provider signs in to: found by the provider's subject,
-- never by email, so a changed or reused address at the provider cannot reach another account.
CREATE TABLE oidc_link (
    id           uuid PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenant (id),
    provider_id  text        NOT NULL,
    subject      text        NOT NULL,
    user_id      uuid        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL,
    UNIQUE (tenant_id, provider_id, subject),
    UNIQUE (user_id, provider_id)
);

-- Single-use tickets that hand a finished provider sign-in to the UI (hashed, a minute long). They
-- are redeemed before anyone is signed in, so the platform scope reads them, as for accounts.
CREATE TABLE oidc_ticket (
    token_hash   text PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenant (id),
    user_id      uuid        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    provider_id  text        NOT NULL,
    subject      text        NOT NULL,
    confirm_link boolean     NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE INDEX oidc_ticket_expiry ON oidc_ticket (expires_at);

GRANT SELECT, INSERT, DELETE ON oidc_link, oidc_ticket TO "${appRole}";

ALTER TABLE oidc_link ENABLE ROW LEVEL SECURITY;
ALTER TABLE oidc_link FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON oidc_link
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));

ALTER TABLE oidc_ticket ENABLE ROW LEVEL SECURITY;
ALTER TABLE oidc_ticket FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON oidc_ticket
    USING (protohive_tenant_visible(tenant_id) OR protohive_platform_scope())
    WITH CHECK (protohive_tenant_visible(tenant_id) OR protohive_platform_scope());
