-- The first answer to each request a person sent with an Idempotency-Key, so that a retry is
-- answered again instead of done again. status is null while the first request is being done.
-- A row belongs to one person of one tenant and expires a day after its request.
CREATE TABLE idempotency_key (
    tenant_id        uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    user_id          uuid        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    idempotency_key  text        NOT NULL,
    fingerprint      text        NOT NULL,
    status           integer,
    location         text,
    body             text,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id, idempotency_key)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_key TO "${appRole}";

ALTER TABLE idempotency_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_key FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_key
    USING (tenant_id = (SELECT protohive_tenant()))
    WITH CHECK (tenant_id = (SELECT protohive_tenant()));
