-- What a tenant's tenants-config file manages: its admins see these read-only. An item is
-- 'plugin:<plugin id>', 'llm-route', 'budget:TENANT' or 'approval-tools'.
CREATE TABLE tenants_config_item (
    tenant_id  uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    item       text NOT NULL,
    PRIMARY KEY (tenant_id, item)
);

-- Organization templates a tenants-config file offers its tenant's people besides the shipped
-- ones; the definition has the shape of a shipped template.
CREATE TABLE tenant_organization_template (
    tenant_id   uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id          text NOT NULL,
    position    int  NOT NULL,
    definition  jsonb NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON tenants_config_item, tenant_organization_template
    TO "${appRole}";

ALTER TABLE tenants_config_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants_config_item FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants_config_item
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
ALTER TABLE tenant_organization_template ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_organization_template FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_organization_template
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
