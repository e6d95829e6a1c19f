-- The steps a run finished, the model's tool calls and their results, stored as each finishes, so
-- that a node taking the run's job over after another died goes on from the next step instead of
-- running finished tool calls again; the same form as a task's work log.
ALTER TABLE agent_run ADD COLUMN work_log jsonb NOT NULL DEFAULT '[]';
