-- The plugin dispatcher's progress through the outbox (per-consumer column, like mailed_at).
ALTER TABLE outbox_event ADD COLUMN plugins_at TIMESTAMPTZ;
UPDATE outbox_event SET plugins_at = now();
CREATE INDEX outbox_plugins_pending ON outbox_event(id) WHERE plugins_at IS NULL;
