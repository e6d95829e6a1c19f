-- The capabilities accepted for each plugin: those of the version last installed, or those a
-- platform admin approved. A jar declaring more waits in plugin_update, on every node and across
-- restarts, until a platform admin approves or rejects it.
CREATE TABLE plugin_capabilities (
    plugin_id     text        PRIMARY KEY,
    capabilities  jsonb       NOT NULL,
    accepted_at   timestamptz NOT NULL,
    accepted_by   uuid        REFERENCES user_account (id)
);

-- An update held for approval. Uploaded jars are kept here until decided; a jar dropped into a
-- node's plugins folder stays there, so only what it declares is recorded.
CREATE TABLE plugin_update (
    id                  uuid        PRIMARY KEY,
    plugin_id           text        NOT NULL,
    name                text        NOT NULL,
    version             text        NOT NULL,
    sha256              text        NOT NULL,
    origin              text        NOT NULL CHECK (origin IN ('UPLOADED', 'FOLDER')),
    signer              text,
    installed_version   text,
    capabilities        jsonb       NOT NULL,
    added_capabilities  jsonb       NOT NULL,
    content             bytea       CHECK ((content IS NULL) = (origin = 'FOLDER')),
    submitted_at        timestamptz NOT NULL,
    submitted_by        uuid        REFERENCES user_account (id),
    UNIQUE (plugin_id, sha256)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON plugin_capabilities, plugin_update TO "${appRole}";

-- Everyone may read them; only platform-scoped work may change them.
ALTER TABLE plugin_capabilities ENABLE ROW LEVEL SECURITY;
ALTER TABLE plugin_capabilities FORCE ROW LEVEL SECURITY;
CREATE POLICY read_all ON plugin_capabilities FOR SELECT USING (true);
CREATE POLICY platform_writes ON plugin_capabilities
    USING ((SELECT protohive_platform_scope())) WITH CHECK ((SELECT protohive_platform_scope()));
ALTER TABLE plugin_update ENABLE ROW LEVEL SECURITY;
ALTER TABLE plugin_update FORCE ROW LEVEL SECURITY;
CREATE POLICY read_all ON plugin_update FOR SELECT USING (true);
CREATE POLICY platform_writes ON plugin_update
    USING ((SELECT protohive_platform_scope())) WITH CHECK ((SELECT protohive_platform_scope()));
