-- Everything that happens in a conversation, in order: what its socket subscribers receive, and
-- what a subscriber reconnecting with the last id it saw receives again, exactly from there.
CREATE TABLE conversation_event (
    id               bigserial   PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    conversation_id  uuid        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    run_id           uuid,
    type             text        NOT NULL,
    payload          jsonb       NOT NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX conversation_event_conversation ON conversation_event (conversation_id, id);

GRANT SELECT, INSERT ON conversation_event TO "${appRole}";
GRANT USAGE, SELECT ON SEQUENCE conversation_event_id_seq TO "${appRole}";

ALTER TABLE conversation_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversation_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON conversation_event
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
