-- How a group conversation picks its next speaker, and the rolling summary of the messages that no
-- longer fit an agent's context window.
ALTER TABLE conversation
    ADD COLUMN speaker_selection   text NOT NULL DEFAULT 'MENTION'
        CHECK (speaker_selection IN ('MENTION', 'ROUND_ROBIN', 'MODERATOR')),
    ADD COLUMN moderator_agent_id  uuid REFERENCES agent (id) ON DELETE SET NULL,
    ADD COLUMN summary             text,
    ADD COLUMN summarized_messages int  NOT NULL DEFAULT 0;
CREATE INDEX conversation_organization_time ON conversation (organization_id, created_at DESC, id);

-- A moderation run picks the next speaker and says nothing itself.
ALTER TABLE agent_run
    ADD COLUMN kind text NOT NULL DEFAULT 'ANSWER' CHECK (kind IN ('ANSWER', 'MODERATION'));
