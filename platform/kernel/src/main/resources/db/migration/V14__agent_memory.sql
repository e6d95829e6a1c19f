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

-- Where the server offers pgvector (an operator's PostgreSQL; not the embedded one), the embedding
-- is also kept as a vector, derived from the array, under an HNSW index for approximate nearest
-- neighbour search. Without it the platform searches exactly, in process.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS vector;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'pgvector is available but may not be created by %; memory search stays exact', current_user;
            RETURN;
        END;
        EXECUTE 'ALTER TABLE memory_chunk ADD COLUMN embedding_vector vector(384)'
             || ' GENERATED ALWAYS AS (embedding::vector(384)) STORED';
        EXECUTE 'CREATE INDEX memory_chunk_embedding ON memory_chunk'
             || ' USING hnsw (embedding_vector vector_cosine_ops)';
    END IF;
END
$$;
