-- How long a tenant keeps its messages, conversation events, audit trail, binned files and model
-- usage, from tenants-config; NULL keeps the platform's default (for files, the bin's).
ALTER TABLE tenant
    ADD COLUMN retention_messages_days int CHECK (retention_messages_days > 0),
    ADD COLUMN retention_events_days   int CHECK (retention_events_days > 0),
    ADD COLUMN retention_audit_days    int CHECK (retention_audit_days > 0),
    ADD COLUMN retention_files_days    int CHECK (retention_files_days > 0),
    ADD COLUMN retention_usage_days    int CHECK (retention_usage_days > 0);

-- The purge finds old rows by time. These tables grow in time order, so a block range index serves
-- it at a fraction of a b-tree's size and write cost on the paths that insert a row per message,
-- per streamed word and per model call.
CREATE INDEX message_created_brin ON message USING brin (created_at);
CREATE INDEX conversation_event_created_brin ON conversation_event USING brin (created_at);
CREATE INDEX webhook_delivery_created_brin ON webhook_delivery USING brin (created_at);

GRANT DELETE ON conversation_event TO "${appRole}";

-- The audit trail stays append-only for the application: it may not update or delete an entry.
-- Only this function deletes, and only the transaction's own tenant's entries older than a cutoff
-- that lies at least a day back (give or take the nodes' clocks), so no purge can erase what was
-- just done.
CREATE FUNCTION protohive_purge_audit(cutoff timestamptz) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    purged bigint;
BEGIN
    IF cutoff > now() - interval '23 hours' THEN
        RAISE EXCEPTION 'an audit cutoff lies at least a day back' USING ERRCODE = 'check_violation';
    END IF;
    DELETE FROM audit_event
     WHERE tenant_id = (SELECT protohive_tenant()) AND occurred_at < cutoff;
    GET DIAGNOSTICS purged = ROW_COUNT;
    RETURN purged;
END
$$;
REVOKE ALL ON FUNCTION protohive_purge_audit(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION protohive_purge_audit(timestamptz) TO "${appRole}";
