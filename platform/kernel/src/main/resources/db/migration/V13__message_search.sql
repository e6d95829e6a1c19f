-- Full-text search over conversation messages (language-neutral 'simple' configuration).
CREATE INDEX message_content_search ON message USING gin (to_tsvector('simple', content));
