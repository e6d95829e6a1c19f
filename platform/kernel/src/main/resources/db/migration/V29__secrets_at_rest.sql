-- Secrets at rest are sealed by the application (AES-256-GCM), which alone holds the key.
-- A signing key's private part moves to a sealed column; the rows still in clear are sealed by
-- the application when it starts (SigningKeys.ensureKey), and nothing writes the clear column.
ALTER TABLE signing_key ADD COLUMN sealed_private_key text;
ALTER TABLE signing_key ALTER COLUMN private_key DROP NOT NULL;
ALTER TABLE signing_key
    ADD CONSTRAINT signing_key_one_private_part
    CHECK ((private_key IS NULL) <> (sealed_private_key IS NULL));

-- OIDC client secrets are dropped from the stored providers: tenants-config declares them (by
-- reference), and applying the files at start stores them again, sealed.
UPDATE tenant
SET oidc_providers = (
    SELECT coalesce(jsonb_agg(p.provider - 'clientSecret' ORDER BY p.position), '[]'::jsonb)::text
    FROM jsonb_array_elements(oidc_providers::jsonb) WITH ORDINALITY AS p (provider, position))
WHERE oidc_providers LIKE '%clientSecret%';
