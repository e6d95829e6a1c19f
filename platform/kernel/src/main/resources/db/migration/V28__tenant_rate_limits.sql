-- A tenant's own rate limits per minute, from tenants-config; NULL keeps the platform's default.
ALTER TABLE tenant
    ADD COLUMN rate_limit_user   int CHECK (rate_limit_user > 0),
    ADD COLUMN rate_limit_tenant int CHECK (rate_limit_tenant > 0),
    ADD COLUMN rate_limit_llm    int CHECK (rate_limit_llm > 0);
