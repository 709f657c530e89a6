-- 0014: word pairs in the search vector, for fast phrases (issue 5). Written from `Messaging.Web --print-ef-schema`;
-- MigrationSchemaTests keeps the two in step (columns, indexes and this function's text).
--
-- A phrase of two common words ("next week") made the GIN index AND two posting lists of tens of thousands of
-- rows each and recheck every row holding both words. search_vector now also holds each pair of adjacent words
-- as one lexeme ('next week'), and a phrase search adds the pairs it implies to the index condition
-- (PhrasePairs): the GIN scan follows the rare pair and rechecks little more than the true matches.
-- PostgreSQL 15 cannot change a generated column's expression, so the column and its index are built again.

CREATE FUNCTION search_vector_with_pairs(doc tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN doc || (
        WITH words AS (SELECT u.lexeme, unnest(u.positions) AS pos FROM unnest(doc) u)
        SELECT coalesce(array_to_tsvector(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme)), ''::tsvector)
        FROM words a JOIN words b ON b.pos = a.pos + 1
        WHERE octet_length(a.lexeme) + octet_length(b.lexeme) < 2000);

ALTER TABLE messages DROP COLUMN search_vector;

ALTER TABLE messages ADD COLUMN search_vector tsvector NOT NULL GENERATED ALWAYS AS (
    CASE WHEN deleted_at IS NULL
        THEN search_vector_with_pairs(to_tsvector('english'::regconfig, body || ' ' || regexp_replace(attachment_names, '[^[:alnum:]]+', ' ', 'g')))
        ELSE ''::tsvector
    END) STORED;

CREATE INDEX ix_messages_workspace_id_search_vector ON messages USING gin (workspace_id, search_vector);

ANALYZE messages;
