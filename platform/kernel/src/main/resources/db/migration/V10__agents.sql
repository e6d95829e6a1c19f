-- The agents of an organization: a persona, a place in the org chart, a model and tools.
CREATE TABLE agent (
    id               uuid             PRIMARY KEY,
    tenant_id        uuid             NOT NULL REFERENCES tenant (id),
    organization_id  uuid             NOT NULL REFERENCES organization (id),
    name             text             NOT NULL,
    role             text             NOT NULL,
    persona          text             NOT NULL,
    manager_id       uuid             REFERENCES agent (id) ON DELETE SET NULL,
    provider_id      text,
    model            text,
    temperature      double precision,
    max_steps        int              NOT NULL,
    tools            text             NOT NULL,
    color            text             NOT NULL,
    created_at       timestamptz      NOT NULL,
    updated_at       timestamptz      NOT NULL
);
CREATE INDEX agent_organization ON agent (organization_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON agent TO "${appRole}";

ALTER TABLE agent ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON agent
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
