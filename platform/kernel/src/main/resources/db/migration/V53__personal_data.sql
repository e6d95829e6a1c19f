-- A person's exports of their own data: built by a job into a ZIP in the file store, offered to
-- them alone until it expires.
CREATE TABLE personal_export (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenant (id),
    user_id      uuid        NOT NULL REFERENCES user_account (id),
    status       text        NOT NULL CHECK (status IN ('QUEUED', 'READY', 'FAILED', 'EXPIRED')),
    store        text,
    storage_key  text,
    size_bytes   bigint,
    created_at   timestamptz NOT NULL,
    ready_at     timestamptz,
    expires_at   timestamptz
);
CREATE INDEX personal_export_user ON personal_export (user_id, created_at, id);

GRANT SELECT, INSERT, UPDATE, DELETE ON personal_export TO "${appRole}";

ALTER TABLE personal_export ENABLE ROW LEVEL SECURITY;
ALTER TABLE personal_export FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON personal_export
    USING (tenant_id = (SELECT protohive_tenant()))
    WITH CHECK (tenant_id = (SELECT protohive_tenant()));

-- Erasure deletes a person's sessions, mailed tokens and mails, and replaces their address where
-- the audit trail names them by it; the trail keeps its entries, which name them by id.
GRANT DELETE ON refresh_token, account_token, mail_message TO "${appRole}";
GRANT UPDATE (subject, subject_erased) ON audit_event TO "${appRole}";
