-- Each tenant's field keys, encrypted with the platform's secrets key: the AES-256-GCM keyset that
-- seals message contents, summaries and memories (a rotation adds a primary key; retired keys
-- leave), and the HMAC key of the blind index that finds sealed messages by their words.
CREATE TABLE tenant_field_key (
    tenant_id        uuid        PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
    sealing_keyset   text        NOT NULL,
    indexing_keyset  text        NOT NULL,
    rotated_at       timestamptz NOT NULL
);

GRANT SELECT, INSERT, UPDATE ON tenant_field_key TO "${appRole}";
ALTER TABLE tenant_field_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_field_key FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_field_key
    USING (tenant_id = (SELECT protohive_tenant()))
    WITH CHECK (tenant_id = (SELECT protohive_tenant()));

-- A sealed value's row records the id of the key that sealed it; null is a value written before
-- sealing, which the reseal job seals. A sealed message is found by the keyed hashes of its words.
ALTER TABLE message ADD COLUMN content_key bigint;
ALTER TABLE message ADD COLUMN search_terms bigint[];
DROP INDEX message_content_search;
CREATE INDEX message_search_terms ON message USING gin (search_terms);

ALTER TABLE conversation ADD COLUMN summary_key bigint;
ALTER TABLE memory_chunk ADD COLUMN content_key bigint;
-- a rotation reseals memories in place; nothing else of a memory ever changes
GRANT UPDATE (content, content_key) ON memory_chunk TO "${appRole}";
