-- ASK_FIRST tools are offered in task work only, where each call waits for a person's approval.
ALTER TABLE mcp_tool_policy DROP CONSTRAINT mcp_tool_policy_policy_check;
ALTER TABLE mcp_tool_policy
    ADD CONSTRAINT mcp_tool_policy_policy_check CHECK (policy IN ('ALLOWED', 'ASK_FIRST', 'OFF'));
