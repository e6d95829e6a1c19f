-- MCP servers a tenant's admins register, reached over streamable HTTP. The bearer token is sealed
-- with the platform's secrets key, bound to the tenant and server.
CREATE TABLE mcp_server (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenant (id),
    name          text        NOT NULL,
    url           text        NOT NULL,
    sealed_token  text,
    created_at    timestamptz NOT NULL,
    UNIQUE (tenant_id, name)
);

-- The tools a server offered when last asked, with the tenant's policy for each: ALLOWED tools
-- are offered to agents, OFF tools are not. A policy outlives the server forgetting a tool for a
-- while, so the listing and the policies are kept apart.
CREATE TABLE mcp_tool (
    tenant_id     uuid        NOT NULL REFERENCES tenant (id),
    server_id     uuid        NOT NULL REFERENCES mcp_server (id) ON DELETE CASCADE,
    name          text        NOT NULL,
    description   text        NOT NULL,
    input_schema  text        NOT NULL,
    PRIMARY KEY (server_id, name)
);

CREATE TABLE mcp_tool_policy (
    tenant_id     uuid        NOT NULL REFERENCES tenant (id),
    server_id     uuid        NOT NULL REFERENCES mcp_server (id) ON DELETE CASCADE,
    tool_name     text        NOT NULL,
    policy        text        NOT NULL CHECK (policy IN ('ALLOWED', 'OFF')),
    PRIMARY KEY (server_id, tool_name)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON mcp_server, mcp_tool, mcp_tool_policy TO "${appRole}";

DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['mcp_server', 'mcp_tool', 'mcp_tool_policy']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', name);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', name);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I'
            || ' USING (tenant_id = (SELECT protohive_tenant()))'
            || ' WITH CHECK (tenant_id = (SELECT protohive_tenant()))', name);
    END LOOP;
END
$$;
