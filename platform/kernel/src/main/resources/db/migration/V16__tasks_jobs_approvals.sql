-- Tasks of an organization, done by people or agents; the durable job queue the agents' work runs
-- on; and the approvals that hold an agent's consequential action until a person decides.
CREATE TABLE task (
    id                 uuid        PRIMARY KEY,
    tenant_id          uuid        NOT NULL REFERENCES tenant (id),
    organization_id    uuid        NOT NULL REFERENCES organization (id),
    parent_id          uuid        REFERENCES task (id) ON DELETE CASCADE,
    title              text        NOT NULL,
    description        text        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('BACKLOG', 'TODO', 'IN_PROGRESS',
                                       'WAITING_FOR_APPROVAL', 'BLOCKED', 'DONE', 'CANCELLED')),
    priority           text        NOT NULL CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
    assignee_agent_id  uuid        REFERENCES agent (id) ON DELETE SET NULL,
    assignee_user_id   uuid        REFERENCES user_account (id) ON DELETE SET NULL,
    reporter_kind      text        NOT NULL CHECK (reporter_kind IN ('USER', 'AGENT')),
    reporter_id        uuid        NOT NULL,
    acting_user_id     uuid        NOT NULL REFERENCES user_account (id),
    due_at             timestamptz,
    result             text,
    work_log           jsonb       NOT NULL DEFAULT '[]',
    briefed_at         timestamptz,
    version            int         NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CHECK (assignee_agent_id IS NULL OR assignee_user_id IS NULL)
);
CREATE INDEX task_organization ON task (organization_id, status, updated_at DESC);
CREATE INDEX task_parent ON task (parent_id);

CREATE TABLE task_comment (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenant (id),
    task_id      uuid        NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    author_kind  text        NOT NULL CHECK (author_kind IN ('USER', 'AGENT', 'SYSTEM')),
    author_id    uuid,
    content      text        NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX task_comment_task ON task_comment (task_id, created_at, id);

CREATE TABLE approval (
    id              uuid        PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenant (id),
    task_id         uuid        NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    agent_id        uuid        NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    tool_id         text        NOT NULL,
    call_id         text        NOT NULL,
    arguments       jsonb       NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by      uuid        REFERENCES user_account (id),
    decided_at      timestamptz,
    note            text,
    created_at      timestamptz NOT NULL
);
CREATE INDEX approval_task ON approval (task_id, created_at);

-- Tools a tenant's admins want a person to approve before an agent's task work runs them, besides
-- those their plugins declare consequential.
CREATE TABLE tool_approval (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    tool_id    text NOT NULL,
    PRIMARY KEY (tenant_id, tool_id)
);

-- Work for the platform's background workers. A worker claims due jobs with FOR UPDATE SKIP
-- LOCKED and holds them by a lease it renews while it works; a job whose lease ran out (its node
-- died) is due again. tenant_id is null for the platform's own jobs.
CREATE TABLE job (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        REFERENCES tenant (id) ON DELETE CASCADE,
    kind          text        NOT NULL,
    payload       jsonb       NOT NULL,
    status        text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'DEAD')),
    attempts      int         NOT NULL DEFAULT 0,
    max_attempts  int         NOT NULL,
    run_at        timestamptz NOT NULL,
    locked_by     text,
    locked_until  timestamptz,
    last_error    text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX job_due ON job (run_at) WHERE status IN ('QUEUED', 'RUNNING');

GRANT SELECT, INSERT, UPDATE, DELETE ON task, task_comment, approval, job, tool_approval
    TO "${appRole}";

ALTER TABLE task ENABLE ROW LEVEL SECURITY;
ALTER TABLE task FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON task
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
ALTER TABLE task_comment ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_comment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON task_comment
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
ALTER TABLE approval ENABLE ROW LEVEL SECURITY;
ALTER TABLE approval FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON approval
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
ALTER TABLE tool_approval ENABLE ROW LEVEL SECURITY;
ALTER TABLE tool_approval FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tool_approval
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
-- workers claim jobs of every tenant in the platform scope, then work each in its tenant's
ALTER TABLE job ENABLE ROW LEVEL SECURITY;
ALTER TABLE job FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON job
    USING (protohive_tenant_visible(tenant_id) OR protohive_platform_scope())
    WITH CHECK (protohive_tenant_visible(tenant_id) OR protohive_platform_scope());
