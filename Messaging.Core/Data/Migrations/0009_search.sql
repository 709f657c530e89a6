-- 0009: full-text search over messages (issue 5). Written from `Messaging.Web --print-ef-schema`;
-- MigrationSchemaTests keeps the two in step.
--
-- messages.search_vector is a STORED generated column: PostgreSQL computes it in the statement that
-- inserts or edits the message, so a message is findable in the same transaction that stores it.
-- It covers the body and the names of the message's files, and is empty once the message is deleted
-- (the body is erased then anyway). messages.attachment_names is kept by a trigger on attachments,
-- which are inserted later in the same transaction as their message.
--
-- btree_gin lets one GIN index hold (workspace_id, search_vector): a frequent word's posting list is
-- cut down to one workspace inside the index instead of in the heap. (workspace_id, id) serves the
-- newest-first walk the planner takes for frequent words, and replaces the plain workspace_id index.

CREATE EXTENSION IF NOT EXISTS btree_gin;

ALTER TABLE messages ADD COLUMN attachment_names text NOT NULL DEFAULT '';

UPDATE messages m SET attachment_names = names.list
FROM (SELECT message_id, string_agg(file_name, E'\n' ORDER BY id) AS list FROM attachments GROUP BY message_id) names
WHERE names.message_id = m.id;

ALTER TABLE messages ADD COLUMN search_vector tsvector NOT NULL GENERATED ALWAYS AS (
    CASE WHEN deleted_at IS NULL
        THEN to_tsvector('english'::regconfig, body || ' ' || regexp_replace(attachment_names, '[^[:alnum:]]+', ' ', 'g'))
        ELSE ''::tsvector
    END) STORED;

DROP INDEX ix_messages_workspace_id;

CREATE INDEX ix_messages_workspace_id_id ON messages (workspace_id, id);

CREATE INDEX ix_messages_workspace_id_search_vector ON messages USING gin (workspace_id, search_vector);

CREATE FUNCTION attachments_name_searchable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE messages SET attachment_names = concat_ws(E'\n', nullif(attachment_names, ''), NEW.file_name)
    WHERE id = NEW.message_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER attachments_name_searchable
    AFTER INSERT ON attachments
    FOR EACH ROW EXECUTE FUNCTION attachments_name_searchable();
