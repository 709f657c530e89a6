-- 0034: references to project items in messages. Typing "#" in the composer picks a checklist item or milestone of the
-- conversation's project and writes "#D12" or "#M3" into the body; a message's resolved references are rows here
-- (checked against the conversation's project when sent or edited), and the thread renders each as a link chip.

CREATE TABLE message_item_references (
    message_id bigint NOT NULL,
    token character varying(24) NOT NULL,
    project_id bigint NOT NULL,
    deliverable_id bigint,
    milestone_id bigint,
    CONSTRAINT pk_message_item_references PRIMARY KEY (message_id, token),
    CONSTRAINT fk_message_item_references_messages_message_id FOREIGN KEY (message_id) REFERENCES messages (id) ON DELETE CASCADE,
    CONSTRAINT fk_message_item_references_projects_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT fk_message_item_references_project_deliverables_deliverable_id FOREIGN KEY (deliverable_id) REFERENCES project_deliverables (id) ON DELETE CASCADE,
    CONSTRAINT fk_message_item_references_project_milestones_milestone_id FOREIGN KEY (milestone_id) REFERENCES project_milestones (id) ON DELETE CASCADE,
    CONSTRAINT ck_message_item_references_one_item CHECK ((deliverable_id IS NULL) <> (milestone_id IS NULL))
);
CREATE INDEX ix_message_item_references_deliverable_id ON message_item_references (deliverable_id);
CREATE INDEX ix_message_item_references_milestone_id ON message_item_references (milestone_id);
