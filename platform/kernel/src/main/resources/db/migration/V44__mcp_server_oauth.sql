-- An MCP server reached over HTTP may be reached with an access token the platform gets with the
-- OAuth 2.0 client credentials grant instead of a fixed bearer token: the token endpoint, the
-- client's id, its secret sealed like a token, and the scope asked for.
ALTER TABLE mcp_server
    ADD COLUMN oauth_token_url      text,
    ADD COLUMN oauth_client_id      text,
    ADD COLUMN oauth_scope          text,
    ADD COLUMN sealed_client_secret text,
    ADD CONSTRAINT mcp_server_oauth CHECK (
        (oauth_token_url IS NULL AND oauth_client_id IS NULL AND sealed_client_secret IS NULL
            AND oauth_scope IS NULL)
        OR (oauth_token_url IS NOT NULL AND oauth_client_id IS NOT NULL
            AND sealed_client_secret IS NOT NULL AND sealed_token IS NULL AND transport = 'HTTP'));
