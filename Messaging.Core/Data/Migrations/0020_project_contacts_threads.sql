-- 0020: project contacts in states (Invited, Accepted, Removed) and the threads a project creates.
--
-- Existing contacts and team members were already working with the project, so they start Accepted.
-- projects.thread_conversation_id is the shared project thread, created once when the project first becomes Active;
-- project_members.thread_conversation_id is a contact's own project thread (per-project setting thread_per_contact,
-- or one started from the project page's Message action); projects.threads_created_at is set by that first move to
-- Active. They are what make the creation idempotent (read under a lock of the project row).

ALTER TABLE project_members ADD COLUMN state character varying(20) NOT NULL DEFAULT 'Accepted';
ALTER TABLE project_members ADD COLUMN thread_conversation_id bigint;
ALTER TABLE project_members ADD CONSTRAINT fk_project_members_conversations_thread_conversation_id
    FOREIGN KEY (thread_conversation_id) REFERENCES conversations (id) ON DELETE SET NULL;
CREATE INDEX ix_project_members_thread_conversation_id ON project_members (thread_conversation_id);

ALTER TABLE projects ADD COLUMN thread_per_contact boolean NOT NULL DEFAULT false;
ALTER TABLE projects ADD COLUMN thread_conversation_id bigint;
ALTER TABLE projects ADD COLUMN threads_created_at timestamp with time zone;
ALTER TABLE projects ADD CONSTRAINT fk_projects_conversations_thread_conversation_id
    FOREIGN KEY (thread_conversation_id) REFERENCES conversations (id) ON DELETE SET NULL;
CREATE INDEX ix_projects_thread_conversation_id ON projects (thread_conversation_id);
