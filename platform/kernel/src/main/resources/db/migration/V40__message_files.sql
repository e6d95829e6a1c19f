-- The files a person attached to a message. They join the conversation's knowledge: the agents of
-- the conversation may search and read them there, within and beyond their knowledge bases.
CREATE TABLE message_file (
    message_id       uuid NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    file_id          uuid NOT NULL REFERENCES stored_file (id) ON DELETE CASCADE,
    conversation_id  uuid NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    tenant_id        uuid NOT NULL REFERENCES tenant (id),
    position         int  NOT NULL,
    PRIMARY KEY (message_id, file_id)
);
CREATE INDEX message_file_conversation ON message_file (conversation_id, file_id);
CREATE INDEX message_file_file ON message_file (file_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON message_file TO "${appRole}";

ALTER TABLE message_file ENABLE ROW LEVEL SECURITY;
ALTER TABLE message_file FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON message_file
    USING (tenant_id = (SELECT protohive_tenant()))
    WITH CHECK (tenant_id = (SELECT protohive_tenant()));
