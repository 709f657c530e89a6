-- Server-made previews of attachments (issue 26): an image's thumbnail, a video's poster frame, a PDF's first page,
-- as JPEG bytes beside the attachment; a file that could not be drawn has a row with its reason and no bytes.
CREATE TABLE attachment_previews (
    attachment_id bigint NOT NULL,
    status character varying(20) NOT NULL,
    width integer NOT NULL,
    height integer NOT NULL,
    jpeg bytea NULL,
    made_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_attachment_previews PRIMARY KEY (attachment_id),
    CONSTRAINT fk_attachment_previews_attachments_attachment_id FOREIGN KEY (attachment_id) REFERENCES attachments (id) ON DELETE CASCADE
);
