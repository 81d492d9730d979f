-- A tenant's settings for a plugin (validated against the plugin's declared settings on save).
CREATE TABLE plugin_setting (
  tenant_id  UUID NOT NULL REFERENCES tenant(id),
  plugin_id  VARCHAR(64) NOT NULL,
  settings   JSONB NOT NULL DEFAULT '{}',
  changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  changed_by VARCHAR(254) NOT NULL,
  PRIMARY KEY (tenant_id, plugin_id)
);

-- When each plugin's scheduled task last ran for each tenant (the clustered job runs it when due).
CREATE TABLE plugin_task_run (
  tenant_id   UUID NOT NULL REFERENCES tenant(id),
  plugin_id   VARCHAR(64) NOT NULL,
  task        VARCHAR(80) NOT NULL,
  last_run_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (tenant_id, plugin_id, task)
);

-- The plugin versions the platform has migrated tenants to: a jar that changed while the server
-- was down gets its new migrations run for enabled tenants at start-up.
CREATE TABLE plugin_version_seen (
  plugin_id VARCHAR(64) PRIMARY KEY,
  version   VARCHAR(120) NOT NULL, -- version@size-mtime of the jar
  seen_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
