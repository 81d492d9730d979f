-- Billing: plugin subscriptions (with the price they were taken at), metered usage, monthly
-- invoices and the platform's own double-entry ledger.
CREATE TABLE plugin_subscription (
  id           UUID PRIMARY KEY,
  tenant_id    UUID NOT NULL REFERENCES tenant(id),
  plugin_id    VARCHAR(64) NOT NULL,
  started_at   TIMESTAMPTZ NOT NULL,
  ended_at     TIMESTAMPTZ,
  monthly_minor BIGINT NOT NULL CHECK (monthly_minor >= 0),
  currency     CHAR(3) NOT NULL,
  unit_prices  JSONB NOT NULL DEFAULT '{}',
  free         BOOLEAN NOT NULL DEFAULT false,
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
-- at most one open subscription per tenant and plugin
CREATE UNIQUE INDEX plugin_subscription_open ON plugin_subscription(tenant_id, plugin_id) WHERE ended_at IS NULL;

CREATE TABLE usage_record (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id   UUID NOT NULL REFERENCES tenant(id),
  plugin_id   VARCHAR(64) NOT NULL,
  unit        VARCHAR(40) NOT NULL,
  quantity    BIGINT NOT NULL CHECK (quantity > 0),
  occurred_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  tracking_id VARCHAR(200) NOT NULL,
  UNIQUE (tenant_id, plugin_id, tracking_id)
);
CREATE INDEX usage_record_month ON usage_record(tenant_id, occurred_at);

CREATE TABLE invoice (
  id          UUID PRIMARY KEY,
  tenant_id   UUID NOT NULL REFERENCES tenant(id),
  month       CHAR(7) NOT NULL,
  currency    CHAR(3) NOT NULL,
  total_minor BIGINT NOT NULL CHECK (total_minor >= 0),
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, month, currency)
);
CREATE TABLE invoice_line (
  invoice_id   UUID NOT NULL REFERENCES invoice(id),
  line_no      INT NOT NULL,
  kind         VARCHAR(20) NOT NULL,
  plugin_id    VARCHAR(64),
  description  VARCHAR(400) NOT NULL,
  quantity     BIGINT NOT NULL,
  unit_minor   BIGINT NOT NULL,
  amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
  PRIMARY KEY (invoice_id, line_no)
);

CREATE TABLE ledger_entry (
  id         UUID PRIMARY KEY,
  invoice_id UUID UNIQUE REFERENCES invoice(id),
  currency   CHAR(3) NOT NULL,
  memo       VARCHAR(400) NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE ledger_line (
  entry_id UUID NOT NULL REFERENCES ledger_entry(id),
  line_no  INT NOT NULL,
  account  VARCHAR(120) NOT NULL,
  debit    BIGINT NOT NULL DEFAULT 0 CHECK (debit >= 0),
  credit   BIGINT NOT NULL DEFAULT 0 CHECK (credit >= 0),
  PRIMARY KEY (entry_id, line_no)
);
