-- An audit chain's last entry, read once its writer holds the chain's lock, in one round trip
-- instead of two. The function is volatile, so each of its statements sees what was committed
-- before that statement began: the read sees the entries the lock's previous holder committed.
-- It runs as its caller, under the audit trail's row-level security.
CREATE FUNCTION protohive_audit_chain_head(chain text, lock_seed bigint, tenant uuid,
                                           OUT seq bigint, OUT hash text)
    LANGUAGE plpgsql VOLATILE AS
$$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(chain, lock_seed));
    IF tenant IS NULL THEN
        SELECT e.seq, e.hash INTO seq, hash FROM audit_event e
         WHERE e.tenant_id IS NULL ORDER BY e.seq DESC LIMIT 1;
    ELSE
        SELECT e.seq, e.hash INTO seq, hash FROM audit_event e
         WHERE e.tenant_id = tenant ORDER BY e.seq DESC LIMIT 1;
    END IF;
END
$$;
