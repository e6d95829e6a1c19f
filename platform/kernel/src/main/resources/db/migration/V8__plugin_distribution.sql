-- Plugins uploaded by platform admins: every node installs exactly these at start and on change.
CREATE TABLE plugin_bundle (
    plugin_id    text        PRIMARY KEY,
    version      text        NOT NULL,
    sha256       text        NOT NULL,
    content      bytea       NOT NULL,
    signer       text,
    uploaded_at  timestamptz NOT NULL,
    uploaded_by  uuid        REFERENCES user_account (id)
);

-- Publishers whose signatures the platform accepts, besides the one built into the release.
CREATE TABLE trusted_publisher (
    id           uuid        PRIMARY KEY,
    name         text        NOT NULL,
    subject      text        NOT NULL,
    fingerprint  text        NOT NULL UNIQUE,
    certificate  text        NOT NULL,
    added_at     timestamptz NOT NULL,
    added_by     uuid        REFERENCES user_account (id)
);

-- Plugins an admin stopped: installed, offering nothing, on every node, until started again.
CREATE TABLE plugin_stopped (
    plugin_id   text        PRIMARY KEY,
    stopped_at  timestamptz NOT NULL
);

-- A tenant's settings of a plugin: plain values as JSON; secret values each AES-GCM encrypted.
ALTER TABLE tenant_plugin ADD COLUMN configuration jsonb NOT NULL DEFAULT '{}';
ALTER TABLE tenant_plugin ADD COLUMN secrets jsonb NOT NULL DEFAULT '{}';

GRANT SELECT, INSERT, UPDATE, DELETE ON plugin_bundle, trusted_publisher, plugin_stopped
    TO "${appRole}";

-- Everyone may read the platform's plugin set; only platform-scoped work may change it.
ALTER TABLE plugin_bundle ENABLE ROW LEVEL SECURITY;
ALTER TABLE plugin_bundle FORCE ROW LEVEL SECURITY;
CREATE POLICY read_all ON plugin_bundle FOR SELECT USING (true);
CREATE POLICY platform_writes ON plugin_bundle
    USING (protohive_platform_scope()) WITH CHECK (protohive_platform_scope());
ALTER TABLE trusted_publisher ENABLE ROW LEVEL SECURITY;
ALTER TABLE trusted_publisher FORCE ROW LEVEL SECURITY;
CREATE POLICY read_all ON trusted_publisher FOR SELECT USING (true);
CREATE POLICY platform_writes ON trusted_publisher
    USING (protohive_platform_scope()) WITH CHECK (protohive_platform_scope());
ALTER TABLE plugin_stopped ENABLE ROW LEVEL SECURITY;
ALTER TABLE plugin_stopped FORCE ROW LEVEL SECURITY;
CREATE POLICY read_all ON plugin_stopped FOR SELECT USING (true);
CREATE POLICY platform_writes ON plugin_stopped
    USING (protohive_platform_scope()) WITH CHECK (protohive_platform_scope());
