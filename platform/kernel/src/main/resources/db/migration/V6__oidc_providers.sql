-- The OpenID Connect providers a tenant signs in with, as declared in tenants-config (JSON).
ALTER TABLE tenant ADD COLUMN oidc_providers text NOT NULL DEFAULT '[]';
