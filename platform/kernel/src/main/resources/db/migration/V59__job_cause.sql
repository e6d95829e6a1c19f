-- The trace of the work that queued a job (a W3C traceparent), so that the job's own trace links
-- back to the request or job that caused it.
ALTER TABLE job ADD COLUMN cause text;
