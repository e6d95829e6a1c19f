-- An approval holds for one tool call, once: the call the agent asked for (its id, tool and the
-- digest of its arguments), the digest of the arguments a person approved, and when the held
-- call used the decision. Approvals from before are bound to no call: their calls ask again.
ALTER TABLE approval ADD COLUMN request_digest text;
ALTER TABLE approval ADD COLUMN arguments_digest text;
ALTER TABLE approval ADD COLUMN used_at timestamptz;
CREATE INDEX approval_open_call ON approval (task_id, call_id) WHERE used_at IS NULL;
