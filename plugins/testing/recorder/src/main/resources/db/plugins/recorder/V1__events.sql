-- The recorder's own table in each tenant's schema that enables it.
CREATE TABLE plugin_recorder_event (
  id          BIGINT PRIMARY KEY,
  type        VARCHAR(60) NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
