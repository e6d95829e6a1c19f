-- Outbound webhooks: an organization's subscriptions to its events, each signed with a secret
-- sealed with the platform's secrets key (bound to the tenant and the webhook), and the delivery
-- log: one delivery per event and subscription, one attempt row per try.
CREATE TABLE webhook (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    organization_id  uuid        NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    url              text        NOT NULL,
    description      text        NOT NULL,
    event_types      text[]      NOT NULL,
    enabled          boolean     NOT NULL,
    sealed_secret    text        NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX webhook_organization ON webhook (organization_id, created_at, id);

CREATE TABLE webhook_delivery (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    webhook_id       uuid        NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    message_id       text        NOT NULL,
    event_type       text        NOT NULL,
    body             text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX webhook_delivery_webhook ON webhook_delivery (webhook_id, created_at DESC, id DESC);

CREATE TABLE webhook_attempt (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    delivery_id      uuid        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt          int         NOT NULL,
    status_code      int,
    duration_ms      bigint      NOT NULL,
    error            text,
    attempted_at     timestamptz NOT NULL,
    UNIQUE (delivery_id, attempt)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON webhook, webhook_delivery, webhook_attempt TO "${appRole}";

DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['webhook', 'webhook_delivery', 'webhook_attempt']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', name);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', name);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I'
            || ' USING (tenant_id = (SELECT protohive_tenant()))'
            || ' WITH CHECK (tenant_id = (SELECT protohive_tenant()))', name);
    END LOOP;
END
$$;
