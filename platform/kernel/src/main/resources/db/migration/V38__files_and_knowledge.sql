-- A tenant's data key: the key its files are encrypted with, itself encrypted with the platform's
-- secrets key. Deleting the row shreds every file of the tenant, wherever its bytes lie.
CREATE TABLE tenant_data_key (
    tenant_id   uuid        PRIMARY KEY REFERENCES tenant (id),
    keyset      text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- What a tenant may keep in files and where new files' bytes go ('disk' or 's3'); null takes the
-- platform's default.
ALTER TABLE tenant ADD COLUMN file_quota_bytes bigint;
ALTER TABLE tenant ADD COLUMN file_store text;

CREATE TABLE file_folder (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    organization_id  uuid        NOT NULL REFERENCES organization (id),
    parent_id        uuid        REFERENCES file_folder (id),
    name             text        NOT NULL,
    created_at       timestamptz NOT NULL,
    deleted_at       timestamptz
);
CREATE UNIQUE INDEX file_folder_name ON file_folder
    (organization_id, COALESCE(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))
    WHERE deleted_at IS NULL;

-- A file of an organization. Its bytes are versions; the file names the current one. Visibility
-- ORGANIZATION lets every member and agent of the organization read it, NAMED only its owner, the
-- organization's admins and those it is shared with. Files that agents' tools made name the
-- agent, run and task they came from.
CREATE TABLE stored_file (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    organization_id  uuid        NOT NULL REFERENCES organization (id),
    folder_id        uuid        REFERENCES file_folder (id),
    name             text        NOT NULL,
    content_type     text        NOT NULL,
    size_bytes       bigint      NOT NULL,
    version          int         NOT NULL,
    status           text        NOT NULL,
    status_reason    text,
    pages            int,
    visibility       text        NOT NULL,
    owner_id         uuid        REFERENCES user_account (id),
    agent_id         uuid        REFERENCES agent (id) ON DELETE SET NULL,
    run_id           uuid,
    task_id          uuid,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    deleted_at       timestamptz
);
CREATE INDEX stored_file_listing ON stored_file (organization_id, folder_id, created_at, id);
CREATE INDEX stored_file_deleted ON stored_file (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE file_version (
    file_id       uuid        NOT NULL REFERENCES stored_file (id) ON DELETE CASCADE,
    version       int         NOT NULL,
    tenant_id     uuid        NOT NULL REFERENCES tenant (id),
    store         text        NOT NULL,
    storage_key   text        NOT NULL,
    content_type  text        NOT NULL,
    size_bytes    bigint      NOT NULL,
    sha256        text        NOT NULL,
    created_by    uuid,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (file_id, version)
);

-- Those a NAMED file is shared with: a member or an agent of its organization.
CREATE TABLE file_share (
    id          uuid        PRIMARY KEY,
    file_id     uuid        NOT NULL REFERENCES stored_file (id) ON DELETE CASCADE,
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    account_id  uuid        REFERENCES user_account (id) ON DELETE CASCADE,
    agent_id    uuid        REFERENCES agent (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    CHECK ((account_id IS NULL) <> (agent_id IS NULL))
);
CREATE UNIQUE INDEX file_share_once ON file_share
    (file_id, COALESCE(account_id, agent_id));

-- A file's extracted text in chunks that follow its structure, embedded with the in-process
-- model, with a full-text index beside the vectors.
CREATE TABLE file_chunk (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    organization_id  uuid        NOT NULL REFERENCES organization (id),
    file_id          uuid        NOT NULL REFERENCES stored_file (id) ON DELETE CASCADE,
    version          int         NOT NULL,
    ordinal          int         NOT NULL,
    page             int,
    heading          text,
    content          text        NOT NULL,
    embedding        real[]      NOT NULL,
    content_search   tsvector    GENERATED ALWAYS AS (to_tsvector('simple', coalesce(heading, '') || ' ' || content)) STORED
);
CREATE INDEX file_chunk_file ON file_chunk (file_id, version, ordinal);
CREATE INDEX file_chunk_search ON file_chunk USING gin (content_search);

-- Files and folders an organization groups for its agents to search.
CREATE TABLE knowledge_base (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    organization_id  uuid        NOT NULL REFERENCES organization (id),
    name             text        NOT NULL,
    description      text        NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL
);
CREATE UNIQUE INDEX knowledge_base_name ON knowledge_base (organization_id, lower(name));

CREATE TABLE knowledge_base_source (
    id                 uuid        PRIMARY KEY,
    knowledge_base_id  uuid        NOT NULL REFERENCES knowledge_base (id) ON DELETE CASCADE,
    tenant_id          uuid        NOT NULL REFERENCES tenant (id),
    file_id            uuid        REFERENCES stored_file (id) ON DELETE CASCADE,
    folder_id          uuid        REFERENCES file_folder (id) ON DELETE CASCADE,
    CHECK ((file_id IS NULL) <> (folder_id IS NULL))
);

CREATE TABLE agent_knowledge_base (
    agent_id           uuid NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    knowledge_base_id  uuid NOT NULL REFERENCES knowledge_base (id) ON DELETE CASCADE,
    tenant_id          uuid NOT NULL REFERENCES tenant (id),
    PRIMARY KEY (agent_id, knowledge_base_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_data_key, file_folder, stored_file, file_version,
    file_share, file_chunk, knowledge_base, knowledge_base_source, agent_knowledge_base
    TO "${appRole}";

DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['tenant_data_key', 'file_folder', 'stored_file', 'file_version',
        'file_share', 'file_chunk', 'knowledge_base', 'knowledge_base_source', 'agent_knowledge_base']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', name);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', name);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I'
            || ' USING (tenant_id = (SELECT protohive_tenant()))'
            || ' WITH CHECK (tenant_id = (SELECT protohive_tenant()))', name);
    END LOOP;
END
$$;

-- As for memory: where the server offers pgvector, the embedding is also a vector under an HNSW
-- index; without it the platform searches exactly, in process.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') THEN
        EXECUTE 'ALTER TABLE file_chunk ADD COLUMN embedding_vector vector(384)'
             || ' GENERATED ALWAYS AS (embedding::vector(384)) STORED';
        EXECUTE 'CREATE INDEX file_chunk_embedding ON file_chunk'
             || ' USING hnsw (embedding_vector vector_cosine_ops)';
    END IF;
END
$$;
