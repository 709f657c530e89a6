-- 0013: newest-first walks for search (issue 5). Written from `Messaging.Web --print-ef-schema`;
-- MigrationSchemaTests keeps the two in step.
--
-- Search ranks the newest matches of a word, and for a frequent word the cheapest way to find them is to
-- walk the messages newest first and test each (SearchMessages, SearchPlan.Walk). "Newest" is created_at
-- (id breaks ties), so a before: filter starts the walk at its date instead of stepping over every newer
-- message: (workspace_id, created_at, id) for a member who sees the whole workspace, (conversation_id,
-- created_at, id) for a walk per conversation.

CREATE INDEX ix_messages_workspace_id_created_at_id ON messages (workspace_id, created_at, id);

CREATE INDEX ix_messages_conversation_id_created_at_id ON messages (conversation_id, created_at, id);
