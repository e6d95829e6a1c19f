-- Audit of every API request, and a hash chain per tenant (and one for the platform, tenant null)
-- so that a row changed or removed behind the platform's back shows.

ALTER TABLE audit_event ADD COLUMN actor_kind      text;
ALTER TABLE audit_event ADD COLUMN organization_id uuid;
ALTER TABLE audit_event ADD COLUMN route           text;
ALTER TABLE audit_event ADD COLUMN target          text;
ALTER TABLE audit_event ADD COLUMN outcome         integer;
ALTER TABLE audit_event ADD COLUMN trace_id        text;
ALTER TABLE audit_event ADD COLUMN seq             bigint;
ALTER TABLE audit_event ADD COLUMN prev_hash       text;
ALTER TABLE audit_event ADD COLUMN hash            text;
-- The chain takes the subject by its digest, so that erasing a person may replace their address
-- in a subject (and mark it erased) without breaking the chain; an unmarked change still shows.
ALTER TABLE audit_event ADD COLUMN subject_digest  text;
ALTER TABLE audit_event ADD COLUMN subject_erased  boolean NOT NULL DEFAULT false;
UPDATE audit_event SET subject_digest = encode(sha256(convert_to(subject, 'UTF8')), 'hex');

-- The entry's canonical form: every field length-prefixed (in code points), so no two entries
-- share one; AuditChain computes the same in Java, which is what verification trusts.
CREATE FUNCTION protohive_audit_field(value text) RETURNS text
    LANGUAGE sql IMMUTABLE AS
$$ SELECT coalesce(length(value) || ':' || value, '-') $$;

-- Entries written before the chain existed join it in the order they were written.
DO $$
DECLARE
    entry record;
    previous text;
    position bigint;
    chain uuid;
    first boolean := true;
BEGIN
    FOR entry IN SELECT * FROM audit_event ORDER BY tenant_id NULLS FIRST, occurred_at, id LOOP
        IF first OR entry.tenant_id IS DISTINCT FROM chain THEN
            previous := NULL;
            position := 0;
            chain := entry.tenant_id;
            first := false;
        END IF;
        position := position + 1;
        UPDATE audit_event SET seq = position, prev_hash = previous,
            hash = encode(sha256(convert_to(
                protohive_audit_field(previous) || protohive_audit_field(position::text)
                || protohive_audit_field(entry.id::text) || protohive_audit_field(entry.tenant_id::text)
                || protohive_audit_field(entry.actor_id::text) || protohive_audit_field(NULL)
                || protohive_audit_field(entry.action) || protohive_audit_field(entry.subject_digest)
                || protohive_audit_field(NULL) || protohive_audit_field(NULL)
                || protohive_audit_field(NULL) || protohive_audit_field(NULL)
                || protohive_audit_field(entry.source_address) || protohive_audit_field(NULL)
                || protohive_audit_field(entry.detail)
                || protohive_audit_field(
                    (extract(epoch FROM date_trunc('microseconds', entry.occurred_at)) * 1000000)::bigint::text),
                'UTF8')), 'hex')
            WHERE id = entry.id
            RETURNING hash INTO previous;
    END LOOP;
END $$;

DROP FUNCTION protohive_audit_field(text);

ALTER TABLE audit_event ALTER COLUMN seq SET NOT NULL;
ALTER TABLE audit_event ALTER COLUMN hash SET NOT NULL;
-- One position per chain, the platform's (tenant null) included; also the chain's head look-up.
CREATE UNIQUE INDEX audit_event_chain ON audit_event (tenant_id, seq) NULLS NOT DISTINCT;
CREATE INDEX audit_event_target ON audit_event (tenant_id, target);
