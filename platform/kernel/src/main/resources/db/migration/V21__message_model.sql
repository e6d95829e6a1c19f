-- The model that wrote an agent's message, so that readers see which answers came from the
-- offline demo model.
ALTER TABLE message ADD COLUMN model text;
