-- Conversations of people with one or more agents of an organization, their messages, and the
-- agents' runs: each run's steps (prompt, response, tool calls and results, errors) as a trace.
CREATE TABLE conversation (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    organization_id  uuid        NOT NULL REFERENCES organization (id),
    title            text        NOT NULL,
    created_by       uuid        NOT NULL REFERENCES user_account (id),
    created_at       timestamptz NOT NULL
);

CREATE TABLE conversation_agent (
    conversation_id  uuid NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    agent_id         uuid NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    position         int  NOT NULL,
    tenant_id        uuid NOT NULL REFERENCES tenant (id),
    PRIMARY KEY (conversation_id, agent_id)
);

CREATE TABLE agent_run (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    conversation_id  uuid        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    agent_id         uuid        NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    requested_by     uuid        NOT NULL REFERENCES user_account (id),
    status           text        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    trace            jsonb       NOT NULL DEFAULT '[]',
    error            text,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz
);

CREATE TABLE message (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    conversation_id  uuid        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    author_kind      text        NOT NULL CHECK (author_kind IN ('USER', 'AGENT')),
    author_id        uuid        NOT NULL,
    content          text        NOT NULL,
    run_id           uuid        REFERENCES agent_run (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX message_conversation_time ON message (conversation_id, created_at, id);

GRANT SELECT, INSERT, UPDATE, DELETE ON conversation, conversation_agent, agent_run, message
    TO "${appRole}";

ALTER TABLE conversation ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON conversation
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
ALTER TABLE conversation_agent ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversation_agent FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON conversation_agent
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
ALTER TABLE agent_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_run FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON agent_run
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
ALTER TABLE message ENABLE ROW LEVEL SECURITY;
ALTER TABLE message FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON message
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
