-- The operator's per-tenant overrides: an add-on granted free of charge, or forced off.
CREATE TABLE plugin_override (
  tenant_id      UUID NOT NULL REFERENCES tenant(id),
  plugin_id      VARCHAR(64) NOT NULL,
  free           BOOLEAN NOT NULL DEFAULT false,
  force_disabled BOOLEAN NOT NULL DEFAULT false,
  changed_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  changed_by     VARCHAR(254) NOT NULL,
  PRIMARY KEY (tenant_id, plugin_id)
);
