-- Budgets for a task: the model calls of its agent's work and of the work on its subtasks.
ALTER TABLE llm_budget DROP CONSTRAINT llm_budget_scope_check;
ALTER TABLE llm_budget ADD CONSTRAINT llm_budget_scope_check
    CHECK (scope IN ('TENANT', 'ORGANIZATION', 'AGENT', 'TASK'));
