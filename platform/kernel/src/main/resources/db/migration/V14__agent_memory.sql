-- An agent's long-term memory: what it was told and what it answered, as embedded chunks, scoped
-- to the agent and its organization.
CREATE TABLE memory_chunk (
    id                 uuid        PRIMARY KEY,
    tenant_id          uuid        NOT NULL REFERENCES tenant (id),
    organization_id    uuid        NOT NULL REFERENCES organization (id),
    agent_id           uuid        NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    source_message_id  uuid,
    content            text        NOT NULL,
    embedding          real[]      NOT NULL,
    created_at         timestamptz NOT NULL
);
CREATE INDEX memory_chunk_agent ON memory_chunk (agent_id, created_at);

GRANT SELECT, INSERT, DELETE ON memory_chunk TO "${appRole}";

ALTER TABLE memory_chunk ENABLE ROW LEVEL SECURITY;
ALTER TABLE memory_chunk FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON memory_chunk
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
