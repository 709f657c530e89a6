-- 0015: the Message-ID of the email that carried an outbox row (issue 23), so a reply's In-Reply-To or
-- References finds its thread even without the reply address. Every row a digest grouped carries the digest's.

ALTER TABLE email_outbox ADD COLUMN message_id character varying(300);

CREATE INDEX ix_email_outbox_message_id ON email_outbox (message_id);
