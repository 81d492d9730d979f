-- Platform plans: a monthly fee (billing currency) and a commission on ticket revenue whose rate
-- can step down with the tickets issued in the month. tiers: [{"fromTickets":0,"bps":1500}, ...].
CREATE TABLE plan (
  code          VARCHAR(40) PRIMARY KEY,
  name          VARCHAR(100) NOT NULL,
  monthly_minor BIGINT NOT NULL CHECK (monthly_minor >= 0),
  currency      CHAR(3) NOT NULL,
  tiers         JSONB NOT NULL DEFAULT '[]'
);
INSERT INTO plan (code, name, monthly_minor, currency, tiers) VALUES
  ('payg', 'Pay as you go', 0, 'EUR',
   '[{"fromTickets":0,"bps":1500},{"fromTickets":500,"bps":1000},{"fromTickets":2000,"bps":500}]'),
  ('pro', 'Pro', 9900, 'EUR', '[{"fromTickets":0,"bps":250}]');

-- Which plan a tenant is on, and since when. A tenant without a row is on the default plan
-- (marquee.billing.default-plan) since it was created.
CREATE TABLE tenant_plan (
  id         UUID PRIMARY KEY,
  tenant_id  UUID NOT NULL REFERENCES tenant(id),
  plan_code  VARCHAR(40) NOT NULL REFERENCES plan(code),
  started_at TIMESTAMPTZ NOT NULL,
  ended_at   TIMESTAMPTZ,
  changed_by VARCHAR(254) NOT NULL,
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE UNIQUE INDEX tenant_plan_open ON tenant_plan(tenant_id) WHERE ended_at IS NULL;

