-- Deleting a tenant deletes every row of it in one statement: each reference to the tenant, and
-- each reference from a table without a tenant of its own (an account's tokens) to a tenant's row,
-- cascades. References among a tenant's rows stay as they are: PostgreSQL checks them at the end of
-- the statement, when the rows on both sides are gone. Found in the catalog, so no table is missed.
DO $$
DECLARE
    fk record;
BEGIN
    FOR fk IN
        SELECT c.conname, c.conrelid::regclass AS child, pg_get_constraintdef(c.oid) AS definition
          FROM pg_constraint c
         WHERE c.contype = 'f' AND c.confdeltype <> 'c'
           AND c.connamespace = 'public'::regnamespace
           AND (c.confrelid = 'public.tenant'::regclass
                OR (NOT EXISTS (SELECT FROM pg_attribute a
                                 WHERE a.attrelid = c.conrelid AND a.attname = 'tenant_id'
                                   AND NOT a.attisdropped)
                    AND EXISTS (SELECT FROM pg_attribute a
                                 WHERE a.attrelid = c.confrelid AND a.attname = 'tenant_id'
                                   AND NOT a.attisdropped)))
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.child, fk.conname);
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s ON DELETE CASCADE', fk.child,
                       fk.conname, regexp_replace(fk.definition, ' ON DELETE [A-Z ]+$', ''));
    END LOOP;
END
$$;

-- The application may not delete a tenant's row, nor its audit trail; this function does, for the
-- platform scope only and only for a disabled tenant, so a deletion is always two decisions.
CREATE FUNCTION protohive_delete_tenant(doomed uuid) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    IF NOT (SELECT protohive_platform_scope()) THEN
        RAISE EXCEPTION 'a tenant is deleted in the platform scope' USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM tenant WHERE id = doomed AND disabled;
    RETURN FOUND;
END
$$;
REVOKE ALL ON FUNCTION protohive_delete_tenant(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION protohive_delete_tenant(uuid) TO "${appRole}";
