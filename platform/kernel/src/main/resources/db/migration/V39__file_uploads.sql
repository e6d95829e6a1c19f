-- A resumable upload (tus): a file that arrives in several requests into a spool under the data
-- folder. It belongs to the person who created it; once its offset reaches its length its bytes
-- become a stored file, named here. A request sending bytes claims the upload (receiving_*), so
-- two requests never write the same bytes. Unfinished or not, the row goes at expires_at.
CREATE TABLE file_upload (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    organization_id  uuid        NOT NULL REFERENCES organization (id),
    folder_id        uuid        REFERENCES file_folder (id),
    created_by       uuid        NOT NULL REFERENCES user_account (id),
    name             text        NOT NULL,
    length_bytes     bigint      NOT NULL CHECK (length_bytes > 0),
    offset_bytes     bigint      NOT NULL CHECK (offset_bytes >= 0 AND offset_bytes <= length_bytes),
    file_id          uuid        REFERENCES stored_file (id) ON DELETE SET NULL,
    receiving_claim  uuid,
    receiving_since  timestamptz,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL
);
CREATE INDEX file_upload_expiry ON file_upload (expires_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON file_upload TO "${appRole}";

ALTER TABLE file_upload ENABLE ROW LEVEL SECURITY;
ALTER TABLE file_upload FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON file_upload
    USING (tenant_id = (SELECT protohive_tenant()))
    WITH CHECK (tenant_id = (SELECT protohive_tenant()));
