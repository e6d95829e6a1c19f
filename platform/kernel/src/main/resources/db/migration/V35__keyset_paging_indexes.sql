-- Lists are read a page at a time after a keyset position (sort keys, then id): these indexes let
-- each page start at its position instead of sorting the whole list.
CREATE INDEX agent_organization_created ON agent (organization_id, created_at, id);
DROP INDEX agent_organization;
CREATE INDEX task_organization_created ON task (organization_id, created_at, id);
CREATE INDEX membership_organization_created ON membership (organization_id, created_at);
CREATE INDEX user_account_tenant_created ON user_account (tenant_id, created_at, id);
CREATE INDEX audit_event_tenant_time_id ON audit_event (tenant_id, occurred_at, id);
DROP INDEX audit_event_tenant_time;
CREATE INDEX job_created ON job (created_at, id);
