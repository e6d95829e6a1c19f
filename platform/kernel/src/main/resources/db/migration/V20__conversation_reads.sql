-- How far each person has read each conversation: messages after read_at are new to them.
CREATE TABLE conversation_read (
    conversation_id  uuid        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    user_id          uuid        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    read_at          timestamptz NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX conversation_read_user ON conversation_read (user_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON conversation_read TO "${appRole}";

ALTER TABLE conversation_read ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversation_read FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON conversation_read
    USING (protohive_tenant_visible(tenant_id)) WITH CHECK (protohive_tenant_visible(tenant_id));
