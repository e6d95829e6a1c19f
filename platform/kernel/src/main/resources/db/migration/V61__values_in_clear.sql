-- The values written before sealing, found per tenant at every start without reading the tables:
-- each index holds only the rows whose value is still in clear, so it is empty once resealed.
CREATE INDEX message_in_clear ON message (tenant_id)
    WHERE content IS NOT NULL AND content_key IS NULL;
CREATE INDEX conversation_summary_in_clear ON conversation (tenant_id)
    WHERE summary IS NOT NULL AND summary_key IS NULL;
CREATE INDEX memory_chunk_in_clear ON memory_chunk (tenant_id)
    WHERE content IS NOT NULL AND content_key IS NULL;
