-- MCP servers platform admins register for a tenant as a command: an executable, its arguments
-- (a JSON list of strings) and the folder it is installed in. It runs in the sandbox code runs in
-- and speaks MCP on its standard input and output. Tenant admins register servers reached over
-- streamable HTTP only.
ALTER TABLE mcp_server ALTER COLUMN url DROP NOT NULL;
ALTER TABLE mcp_server
    ADD COLUMN transport      text NOT NULL DEFAULT 'HTTP' CHECK (transport IN ('HTTP', 'STDIO')),
    ADD COLUMN command        text,
    ADD COLUMN command_args   text,
    ADD COLUMN command_folder text,
    ADD CONSTRAINT mcp_server_endpoint CHECK (
        (transport = 'HTTP' AND url IS NOT NULL AND command IS NULL)
        OR (transport = 'STDIO' AND url IS NULL AND command IS NOT NULL
            AND command_args IS NOT NULL AND command_folder IS NOT NULL));
