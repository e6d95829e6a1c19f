-- Each tenant's ordered route of provider/model pairs: the first is tried first, the rest are
-- fallbacks on timeouts, 429, 5xx and connection errors.
CREATE TABLE llm_route_step (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    position     int  NOT NULL,
    provider_id  text NOT NULL,
    model        text NOT NULL,
    PRIMARY KEY (tenant_id, position)
);

-- One row per model call the gateway made, whatever its outcome.
CREATE TABLE llm_call (
    id                 uuid        PRIMARY KEY,
    tenant_id          uuid        NOT NULL REFERENCES tenant (id),
    organization_id    uuid,
    agent_id           uuid,
    conversation_id    uuid,
    task_id            uuid,
    provider_id        text        NOT NULL,
    model              text        NOT NULL,
    streamed           boolean     NOT NULL,
    prompt_tokens      int         NOT NULL,
    completion_tokens  int         NOT NULL,
    latency_ms         int         NOT NULL,
    first_token_ms     int,
    outcome            text        NOT NULL,
    cost_micros        bigint      NOT NULL,
    created_at         timestamptz NOT NULL
);
CREATE INDEX llm_call_tenant_time ON llm_call (tenant_id, created_at);

-- What a million tokens cost, in millionths of the currency unit, per provider and model.
CREATE TABLE llm_price (
    provider_id        text   NOT NULL,
    model              text   NOT NULL,
    prompt_micros      bigint NOT NULL CHECK (prompt_micros >= 0),
    completion_micros  bigint NOT NULL CHECK (completion_micros >= 0),
    PRIMARY KEY (provider_id, model)
);

-- Spending limits per tenant, organization or agent and period, in tokens or currency micros.
-- Calls reserve their estimate before they are sent and settle the actual use after.
CREATE TABLE llm_budget (
    id             uuid        PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenant (id),
    scope          text        NOT NULL CHECK (scope IN ('TENANT', 'ORGANIZATION', 'AGENT')),
    scope_id       uuid        NOT NULL,
    unit           text        NOT NULL CHECK (unit IN ('TOKENS', 'MICROS')),
    amount         bigint      NOT NULL CHECK (amount >= 0),
    soft_percent   int         NOT NULL CHECK (soft_percent BETWEEN 1 AND 100),
    period_start   timestamptz NOT NULL,
    spent          bigint      NOT NULL DEFAULT 0,
    reserved       bigint      NOT NULL DEFAULT 0,
    soft_notified  boolean     NOT NULL DEFAULT false,
    UNIQUE (tenant_id, scope, scope_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON llm_route_step, llm_call, llm_budget TO "${appRole}";
GRANT SELECT, INSERT, UPDATE, DELETE ON llm_price TO "${appRole}";

ALTER TABLE llm_route_step ENABLE ROW LEVEL SECURITY;
ALTER TABLE llm_route_step FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON llm_route_step
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
ALTER TABLE llm_call ENABLE ROW LEVEL SECURITY;
ALTER TABLE llm_call FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON llm_call
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
ALTER TABLE llm_budget ENABLE ROW LEVEL SECURITY;
ALTER TABLE llm_budget FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON llm_budget
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
ALTER TABLE llm_price ENABLE ROW LEVEL SECURITY;
ALTER TABLE llm_price FORCE ROW LEVEL SECURITY;
CREATE POLICY read_all ON llm_price FOR SELECT USING (true);
CREATE POLICY platform_writes ON llm_price
    USING (protohive_platform_scope()) WITH CHECK (protohive_platform_scope());
