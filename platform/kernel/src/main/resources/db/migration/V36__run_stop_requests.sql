-- A person's Stop is stored with the run, so that whichever node holds the run's job, now or after
-- taking it over from a node that died, stops it before its next step.
ALTER TABLE agent_run ADD COLUMN stop_requested boolean NOT NULL DEFAULT false;
