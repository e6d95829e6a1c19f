-- Which installed plugins each tenant has switched on. A plugin is off for a tenant until enabled.
CREATE TABLE tenant_plugin (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    plugin_id   text        NOT NULL,
    enabled     boolean     NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, plugin_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_plugin TO "${appRole}";

ALTER TABLE tenant_plugin ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_plugin FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_plugin
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
