-- Plugins: which tenant has which add-on switched on (history kept by changed_at/changed_by),
-- and how each plugin's calls for each tenant went (shown to the operator and the tenant).
CREATE TABLE plugin_enablement (
  tenant_id  UUID NOT NULL REFERENCES tenant(id),
  plugin_id  VARCHAR(64) NOT NULL,
  enabled    BOOLEAN NOT NULL,
  changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  changed_by VARCHAR(254) NOT NULL,
  PRIMARY KEY (tenant_id, plugin_id)
);
CREATE INDEX plugin_enablement_plugin ON plugin_enablement(plugin_id) WHERE enabled;

CREATE TABLE plugin_call_stats (
  plugin_id       VARCHAR(64) NOT NULL,
  tenant_id       UUID NOT NULL REFERENCES tenant(id),
  calls           BIGINT NOT NULL DEFAULT 0,
  failures        BIGINT NOT NULL DEFAULT 0,
  timeouts        BIGINT NOT NULL DEFAULT 0,
  total_micros    BIGINT NOT NULL DEFAULT 0,
  last_error      VARCHAR(1000),
  last_failure_at TIMESTAMPTZ,
  PRIMARY KEY (plugin_id, tenant_id)
);
