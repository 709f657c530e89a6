-- 0014: search that scales with the company, not the installation (issue 5). Written from
-- `Messaging.Web --print-ef-schema`; MigrationSchemaTests keeps the two in step (columns, indexes and these functions).
--
-- Every lexeme of search_vector is now stored under its workspace ('12 budget', search_vector_in): a word's GIN
-- posting list holds one company's messages, so two common words are intersected over that company's messages
-- alone and no other company's match is ever fetched from the heap to be thrown away. The query is rewritten the
-- same way (SearchTerms), so ts_rank and phrase positions work as before. The workspace column in the GIN index
-- (btree_gin) has nothing left to do.
--
-- The vector also holds each pair of adjacent words as one lexeme ('12 next week', search_vector_with_pairs), and a
-- phrase search adds the pairs it implies to the index condition (PhrasePairs): the GIN scan follows the rare pair
-- and rechecks little more than the true matches, instead of every message holding both words.
--
-- PostgreSQL 15 cannot change a generated column's expression, so the column and its index are built again.

CREATE FUNCTION search_vector_with_pairs(doc tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN doc || (
        WITH words AS (SELECT u.lexeme, unnest(u.positions) AS pos FROM unnest(doc) u)
        SELECT coalesce(array_to_tsvector(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme)), ''::tsvector)
        FROM words a JOIN words b ON b.pos = a.pos + 1
        WHERE octet_length(a.lexeme) + octet_length(b.lexeme) < 2000);

CREATE FUNCTION search_vector_in(workspace bigint, doc tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN coalesce((
        SELECT string_agg(
            '''' || replace(replace(w.lexeme, '\', '\\'), '''', '''''') || '''' || coalesce(':' || array_to_string(u.positions, ','), ''), ' ')
        FROM unnest(doc) u CROSS JOIN LATERAL (SELECT workspace || ' ' || u.lexeme AS lexeme) w
        WHERE octet_length(w.lexeme) <= 2046)::tsvector, ''::tsvector);

ALTER TABLE messages DROP COLUMN search_vector;

ALTER TABLE messages ADD COLUMN search_vector tsvector NOT NULL GENERATED ALWAYS AS (
    CASE WHEN deleted_at IS NULL
        THEN search_vector_in(workspace_id, search_vector_with_pairs(to_tsvector('english'::regconfig, body || ' ' || regexp_replace(attachment_names, '[^[:alnum:]]+', ' ', 'g'))))
        ELSE ''::tsvector
    END) STORED;

CREATE INDEX ix_messages_search_vector ON messages USING gin (search_vector);

DROP EXTENSION IF EXISTS btree_gin;

ANALYZE messages;
