-- Scopes the application's role cannot give itself. Until now a transaction's tenant and the
-- platform scope were settings that any SQL on the application's connection could set with
-- set_config. Now a scope counts only with a seal: the scope key, which the database made and only
-- the tables' owner can read, hashed with the scope, the connection's backend and the start of the
-- transaction. The platform reads the key at start through the owner's connection and presents
-- it to protohive_enter_tenant / protohive_enter_platform, which alone write a seal; the policies
-- check the seal. SQL that did not come with the key can only read the seal of the scope it is
-- already in, useless in any other transaction or scope.

CREATE TABLE database_scope_key (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    key       text    NOT NULL
);
REVOKE ALL ON database_scope_key FROM PUBLIC;
INSERT INTO database_scope_key (key)
VALUES (replace(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

-- The seal of a scope in this transaction on this connection. The epoch, not the timestamp's text,
-- so the session's time zone and date style cannot change it.
CREATE FUNCTION protohive_scope_seal(scope text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT encode(sha256(convert_to(k.key || '|' || scope || '|' || pg_backend_pid()
                                   || '|' || extract(epoch FROM transaction_timestamp()), 'UTF8')),
                 'hex')
     FROM public.database_scope_key k $$;
REVOKE ALL ON FUNCTION protohive_scope_seal(text) FROM PUBLIC;

CREATE FUNCTION protohive_require_scope_key(presented text) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    IF presented IS NULL OR NOT EXISTS (SELECT FROM public.database_scope_key WHERE key = presented) THEN
        RAISE EXCEPTION 'not the scope key' USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;
REVOKE ALL ON FUNCTION protohive_require_scope_key(text) FROM PUBLIC;

CREATE FUNCTION protohive_enter_tenant(tenant uuid, scope_key text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    PERFORM public.protohive_require_scope_key(scope_key);
    PERFORM set_config('app.tenant_id', tenant::text, true);
    PERFORM set_config('app.tenant_seal', public.protohive_scope_seal('tenant:' || tenant), true);
END
$$;

CREATE FUNCTION protohive_enter_platform(scope_key text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    PERFORM public.protohive_require_scope_key(scope_key);
    PERFORM set_config('app.scope', 'platform', true);
    PERFORM set_config('app.scope_seal', public.protohive_scope_seal('platform'), true);
END
$$;

-- The transaction's tenant if it was entered with the key, else none.
CREATE FUNCTION protohive_tenant() RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT t.tenant
     FROM (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid AS tenant) t
    WHERE current_setting('app.tenant_seal', true) = public.protohive_scope_seal('tenant:' || t.tenant) $$;

-- Replaces the settings-only versions of V3; every policy that calls them now checks the seal.
CREATE OR REPLACE FUNCTION protohive_platform_scope() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT coalesce(current_setting('app.scope', true), '') = 'platform'
      AND current_setting('app.scope_seal', true) = public.protohive_scope_seal('platform') $$;

CREATE FUNCTION protohive_sub_selects(expression text) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT replace(replace(expression,
           'protohive_tenant_visible(tenant_id)', '(tenant_id = (SELECT protohive_tenant()))'),
           'protohive_platform_scope()', '(SELECT protohive_platform_scope())') $$;

-- Every policy asks for the tenant and the platform scope through a sub-select, which PostgreSQL
-- evaluates once per query: checking the seal on every row would cost a function call per row. New
-- policies are written the same way: tenant_id = (SELECT protohive_tenant()).
DO $$
DECLARE
    p record;
BEGIN
    FOR p IN SELECT tablename, policyname, qual, with_check FROM pg_policies WHERE schemaname = 'public'
    LOOP
        EXECUTE format('ALTER POLICY %I ON %I', p.policyname, p.tablename)
            || coalesce(' USING (' || protohive_sub_selects(p.qual) || ')', '')
            || coalesce(' WITH CHECK (' || protohive_sub_selects(p.with_check) || ')', '');
    END LOOP;
END
$$;

DROP FUNCTION protohive_sub_selects(text);
-- fails while any policy still calls it
DROP FUNCTION protohive_tenant_visible(uuid);

REVOKE ALL ON FUNCTION protohive_enter_tenant(uuid, text), protohive_enter_platform(text),
    protohive_tenant(), protohive_platform_scope() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION protohive_enter_tenant(uuid, text), protohive_enter_platform(text),
    protohive_tenant(), protohive_platform_scope() TO "${appRole}";
