-- Routines: recurring work for an agent. Each firing (its cron schedule coming due, a signed call
-- of its inbound webhook, or a member's API call) puts a task on the board for the agent. The
-- inbound secret is sealed with the platform's secrets key, bound to the tenant and the routine.
-- The scheduler finds due routines of every tenant in the platform scope and fires each in its
-- tenant's; next_run_at moves on in the same transaction, so a due time fires once.
CREATE TABLE routine (
    id                    uuid        PRIMARY KEY,
    tenant_id             uuid        NOT NULL REFERENCES tenant (id),
    organization_id       uuid        NOT NULL REFERENCES organization (id),
    name                  text        NOT NULL,
    agent_id              uuid        NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    title_template        text        NOT NULL,
    description_template  text        NOT NULL,
    cron                  text,
    time_zone             text        NOT NULL,
    enabled               boolean     NOT NULL,
    sealed_secret         text        NOT NULL,
    acting_user_id        uuid        NOT NULL REFERENCES user_account (id),
    next_run_at           timestamptz,
    last_run_at           timestamptz,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);
CREATE INDEX routine_organization ON routine (organization_id, created_at, id);
CREATE INDEX routine_due ON routine (next_run_at) WHERE enabled AND next_run_at IS NOT NULL;

-- Each firing, with the task it created; message_id is the inbound webhook's id, kept so that a
-- captured call sent again inside the timestamp tolerance fires nothing.
CREATE TABLE routine_run (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    routine_id  uuid        NOT NULL REFERENCES routine (id) ON DELETE CASCADE,
    trigger     text        NOT NULL CHECK (trigger IN ('SCHEDULE', 'WEBHOOK', 'API')),
    due_at      timestamptz,
    message_id  text,
    task_id     uuid        REFERENCES task (id) ON DELETE SET NULL,
    error       text,
    created_at  timestamptz NOT NULL,
    UNIQUE (routine_id, message_id)
);
CREATE INDEX routine_run_routine ON routine_run (routine_id, created_at DESC);

GRANT SELECT, INSERT, UPDATE, DELETE ON routine, routine_run TO "${appRole}";

ALTER TABLE routine ENABLE ROW LEVEL SECURITY;
ALTER TABLE routine FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON routine
    USING (tenant_id = (SELECT protohive_tenant()) OR (SELECT protohive_platform_scope()))
    WITH CHECK (tenant_id = (SELECT protohive_tenant()));
ALTER TABLE routine_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE routine_run FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON routine_run
    USING (tenant_id = (SELECT protohive_tenant()))
    WITH CHECK (tenant_id = (SELECT protohive_tenant()));
