-- The job whose agent session works on the task. One session at a time: a wake-up that arrives
-- while a session runs (a subtask finished, a person commented) queues a job that waits for that
-- session's job to end, so two sessions never read and write the same task at once.
ALTER TABLE task ADD COLUMN session_job uuid;
