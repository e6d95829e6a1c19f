-- The platform's own tables are the platform's only: refresh and account tokens, signing keys and
-- the installation record are seen and changed in the sealed platform scope alone; a tenant's
-- transaction sees its own tenant row; Flyway's history is read through a function that tells
-- the schema version only. With this every table the application's role may touch has row-level
-- security forced (DatabaseWallsIT checks the catalog).

ALTER TABLE installation ENABLE ROW LEVEL SECURITY;
ALTER TABLE installation FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_only ON installation
    USING ((SELECT protohive_platform_scope())) WITH CHECK ((SELECT protohive_platform_scope()));

ALTER TABLE signing_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE signing_key FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_only ON signing_key
    USING ((SELECT protohive_platform_scope())) WITH CHECK ((SELECT protohive_platform_scope()));

ALTER TABLE refresh_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE refresh_token FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_only ON refresh_token
    USING ((SELECT protohive_platform_scope())) WITH CHECK ((SELECT protohive_platform_scope()));

ALTER TABLE account_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_token FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_only ON account_token
    USING ((SELECT protohive_platform_scope())) WITH CHECK ((SELECT protohive_platform_scope()));

ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant
    USING (id = (SELECT protohive_tenant()) OR (SELECT protohive_platform_scope()))
    WITH CHECK (id = (SELECT protohive_tenant()) OR (SELECT protohive_platform_scope()));

REVOKE ALL ON flyway_schema_history FROM "${appRole}";
CREATE FUNCTION protohive_schema_version() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT version FROM public.flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1 $$;
REVOKE ALL ON FUNCTION protohive_schema_version() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION protohive_schema_version() TO "${appRole}";
