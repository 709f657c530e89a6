-- 0002: per-member permission grants and revocations, subcontractors, and participant-change lines in threads.

ALTER TABLE members ADD COLUMN is_subcontractor boolean NOT NULL DEFAULT FALSE;

CREATE TABLE member_permissions (
    member_id bigint NOT NULL,
    permission character varying(60) NOT NULL,
    granted boolean NOT NULL,
    CONSTRAINT pk_member_permissions PRIMARY KEY (member_id, permission),
    CONSTRAINT fk_member_permissions_members_member_id FOREIGN KEY (member_id) REFERENCES members (id) ON DELETE CASCADE
);

ALTER TABLE messages ADD COLUMN kind character varying(30) NOT NULL DEFAULT 'Text';
ALTER TABLE messages ADD COLUMN subject_member_id bigint;
ALTER TABLE messages ADD CONSTRAINT fk_messages_members_subject_member_id
    FOREIGN KEY (subject_member_id) REFERENCES members (id) ON DELETE RESTRICT;
CREATE INDEX ix_messages_subject_member_id ON messages (subject_member_id);
