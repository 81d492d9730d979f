-- Commerce: catalogue, inventory, orders, payments, tickets, refunds, ledger, outbox.
-- Inventory counters carry CHECK constraints, so PostgreSQL itself refuses an oversell even if a
-- code path were wrong; the conditional updates in the application are the first line.

CREATE TABLE commerce_settings (
  id                INT PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  tax_mode          VARCHAR(9) NOT NULL DEFAULT 'inclusive' CHECK (tax_mode IN ('inclusive', 'exclusive')),
  tax_rate_bp       INT NOT NULL DEFAULT 0 CHECK (tax_rate_bp BETWEEN 0 AND 10000),
  tax_label         VARCHAR(40) NOT NULL DEFAULT 'VAT',
  booking_fee_minor BIGINT NOT NULL DEFAULT 0 CHECK (booking_fee_minor >= 0),
  hold_minutes      INT NOT NULL DEFAULT 10 CHECK (hold_minutes BETWEEN 1 AND 120)
);
INSERT INTO commerce_settings DEFAULT VALUES;

CREATE TABLE venue (
  id         UUID PRIMARY KEY,
  name       VARCHAR(200) NOT NULL,
  address    VARCHAR(400),
  city       VARCHAR(120),
  latitude   NUMERIC(9, 6) CHECK (latitude BETWEEN -90 AND 90),
  longitude  NUMERIC(9, 6) CHECK (longitude BETWEEN -180 AND 180),
  capacity   INT CHECK (capacity >= 0),
  amenities  TEXT[] NOT NULL DEFAULT '{}',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE event (
  id                      UUID PRIMARY KEY,
  series_id               UUID NOT NULL,
  slug                    VARCHAR(120) NOT NULL UNIQUE,
  title                   VARCHAR(200) NOT NULL,
  description             TEXT,
  category                VARCHAR(60),
  genres                  TEXT[] NOT NULL DEFAULT '{}',
  images                  TEXT[] NOT NULL DEFAULT '{}',
  lineup                  TEXT[] NOT NULL DEFAULT '{}',
  venue_id                UUID REFERENCES venue(id),
  time_zone               VARCHAR(60) NOT NULL,
  starts_at               TIMESTAMPTZ NOT NULL,
  ends_at                 TIMESTAMPTZ,
  doors_at                TIMESTAMPTZ,
  age_restriction         INT CHECK (age_restriction BETWEEN 0 AND 99),
  status                  VARCHAR(10) NOT NULL DEFAULT 'draft'
                          CHECK (status IN ('draft', 'published', 'cancelled', 'completed')),
  sales_start             TIMESTAMPTZ,
  sales_end               TIMESTAMPTZ,
  currency                CHAR(3) NOT NULL,
  attendee_names_required BOOLEAN NOT NULL DEFAULT false,
  counter_hold_hours      INT NOT NULL DEFAULT 24 CHECK (counter_hold_hours BETWEEN 12 AND 24),
  refund_policy           JSONB NOT NULL DEFAULT '[]',
  sold_out_announced      BOOLEAN NOT NULL DEFAULT false,
  created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX event_series ON event(series_id);
CREATE INDEX event_public ON event(status, starts_at);

CREATE TABLE ticket_type (
  id            UUID PRIMARY KEY,
  event_id      UUID NOT NULL REFERENCES event(id),
  name          VARCHAR(120) NOT NULL,
  description   VARCHAR(1000),
  kind          VARCHAR(13) NOT NULL DEFAULT 'paid'
                CHECK (kind IN ('paid', 'free', 'donation', 'reward', 'complimentary')),
  price_minor   BIGINT NOT NULL CHECK (price_minor >= 0),
  currency      CHAR(3) NOT NULL,
  capacity      INT NOT NULL CHECK (capacity >= 0),
  -- held (pending orders) + sold; never above capacity
  taken         INT NOT NULL DEFAULT 0,
  sold          INT NOT NULL DEFAULT 0 CHECK (sold >= 0),
  sales_start   TIMESTAMPTZ,
  sales_end     TIMESTAMPTZ,
  min_per_order INT NOT NULL DEFAULT 1 CHECK (min_per_order >= 1),
  max_per_order INT NOT NULL DEFAULT 10 CHECK (max_per_order >= min_per_order),
  visibility    VARCHAR(6) NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'hidden', 'code')),
  unlock_code   VARCHAR(60),
  benefits      TEXT[] NOT NULL DEFAULT '{}',
  sort_order    INT NOT NULL DEFAULT 0,
  CONSTRAINT ticket_type_not_oversold CHECK (taken >= 0 AND taken <= capacity AND sold <= taken)
);
CREATE INDEX ticket_type_event ON ticket_type(event_id);

CREATE TABLE quota (
  id       UUID PRIMARY KEY,
  event_id UUID NOT NULL REFERENCES event(id),
  name     VARCHAR(120) NOT NULL,
  capacity INT NOT NULL CHECK (capacity >= 0),
  taken    INT NOT NULL DEFAULT 0,
  CONSTRAINT quota_not_oversold CHECK (taken >= 0 AND taken <= capacity)
);
CREATE TABLE quota_member (
  quota_id       UUID NOT NULL REFERENCES quota(id),
  ticket_type_id UUID NOT NULL REFERENCES ticket_type(id),
  PRIMARY KEY (quota_id, ticket_type_id)
);
CREATE INDEX quota_member_type ON quota_member(ticket_type_id);

CREATE TABLE promo_code (
  id             UUID PRIMARY KEY,
  event_id       UUID NOT NULL REFERENCES event(id),
  code           VARCHAR(40) NOT NULL,
  kind           VARCHAR(7) NOT NULL CHECK (kind IN ('percent', 'fixed')),
  percent_bp     INT CHECK (percent_bp BETWEEN 1 AND 10000),
  amount_minor   BIGINT CHECK (amount_minor > 0),
  ticket_type_id UUID REFERENCES ticket_type(id),
  max_uses       INT CHECK (max_uses >= 1),
  used           INT NOT NULL DEFAULT 0,
  valid_from     TIMESTAMPTZ,
  valid_until    TIMESTAMPTZ,
  UNIQUE (event_id, code),
  CONSTRAINT promo_not_overused CHECK (used >= 0 AND (max_uses IS NULL OR used <= max_uses))
);

CREATE SEQUENCE order_number_seq START 1001;
CREATE TABLE orders (
  id               UUID PRIMARY KEY,
  number           VARCHAR(20) NOT NULL UNIQUE,
  access_token     VARCHAR(64) NOT NULL,
  event_id         UUID NOT NULL REFERENCES event(id),
  status           VARCHAR(18) NOT NULL
                   CHECK (status IN ('pending', 'paid', 'partially_refunded', 'refunded', 'expired', 'cancelled')),
  buyer_name       VARCHAR(200) NOT NULL,
  buyer_email      VARCHAR(254) NOT NULL,
  buyer_phone      VARCHAR(40),
  currency         CHAR(3) NOT NULL,
  subtotal_minor   BIGINT NOT NULL,
  discount_minor   BIGINT NOT NULL,
  fee_minor        BIGINT NOT NULL,
  tax_minor        BIGINT NOT NULL,
  total_minor      BIGINT NOT NULL CHECK (total_minor >= 0),
  refunded_minor   BIGINT NOT NULL DEFAULT 0,
  promo_code_id    UUID REFERENCES promo_code(id),
  payment_provider VARCHAR(20),
  counter_code     VARCHAR(12) UNIQUE,
  expires_at       TIMESTAMPTZ,
  paid_at          TIMESTAMPTZ,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT refund_within_paid CHECK (refunded_minor >= 0 AND refunded_minor <= total_minor)
);
CREATE INDEX orders_pending ON orders(expires_at) WHERE status = 'pending';
CREATE INDEX orders_event ON orders(event_id, status);
CREATE INDEX orders_created ON orders(created_at DESC);
CREATE INDEX orders_email ON orders(lower(buyer_email));

CREATE TABLE order_line (
  id             UUID PRIMARY KEY,
  order_id       UUID NOT NULL REFERENCES orders(id),
  ticket_type_id UUID NOT NULL REFERENCES ticket_type(id),
  quantity       INT NOT NULL CHECK (quantity > 0),
  unit_price_minor BIGINT NOT NULL,
  attendee_names TEXT[] NOT NULL DEFAULT '{}'
);
CREATE INDEX order_line_order ON order_line(order_id);

CREATE TABLE payment_attempt (
  id           UUID PRIMARY KEY,
  order_id     UUID NOT NULL REFERENCES orders(id),
  provider     VARCHAR(20) NOT NULL,
  status       VARCHAR(10) NOT NULL CHECK (status IN ('started', 'succeeded', 'failed')),
  amount_minor BIGINT NOT NULL,
  currency     CHAR(3) NOT NULL,
  provider_ref VARCHAR(120),
  return_url   VARCHAR(1000),
  detail       VARCHAR(400),
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  completed_at TIMESTAMPTZ
);
CREATE INDEX payment_attempt_order ON payment_attempt(order_id);

CREATE TABLE ticket (
  id             UUID PRIMARY KEY,
  order_id       UUID NOT NULL REFERENCES orders(id),
  event_id       UUID NOT NULL REFERENCES event(id),
  ticket_type_id UUID NOT NULL REFERENCES ticket_type(id),
  holder_name    VARCHAR(200) NOT NULL,
  holder_email   VARCHAR(254),
  status         VARCHAR(8) NOT NULL CHECK (status IN ('held', 'valid', 'refunded', 'void')),
  serial         INT NOT NULL DEFAULT 1,
  price_minor    BIGINT NOT NULL,
  discount_minor BIGINT NOT NULL,
  fee_minor      BIGINT NOT NULL,
  tax_minor      BIGINT NOT NULL,
  amount_minor   BIGINT NOT NULL,
  issued_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ticket_order ON ticket(order_id);
CREATE INDEX ticket_event ON ticket(event_id);

CREATE TABLE signing_key (
  kid         VARCHAR(40) PRIMARY KEY,
  event_id    UUID NOT NULL REFERENCES event(id),
  public_key  BYTEA NOT NULL,
  private_key BYTEA NOT NULL,
  active      BOOLEAN NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  retired_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX signing_key_one_active ON signing_key(event_id) WHERE active;

CREATE TABLE revoked_code (
  event_id   UUID NOT NULL REFERENCES event(id),
  ticket_id  UUID NOT NULL REFERENCES ticket(id),
  serial     INT NOT NULL,
  reason     VARCHAR(20) NOT NULL,
  revoked_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (ticket_id, serial)
);
CREATE INDEX revoked_code_event ON revoked_code(event_id);

CREATE TABLE refund (
  id           UUID PRIMARY KEY,
  order_id     UUID NOT NULL REFERENCES orders(id),
  amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
  tax_minor    BIGINT NOT NULL,
  fee_minor    BIGINT NOT NULL,
  currency     CHAR(3) NOT NULL,
  provider     VARCHAR(20) NOT NULL,
  reason       VARCHAR(400),
  actor        VARCHAR(254) NOT NULL,
  ticket_ids   UUID[] NOT NULL DEFAULT '{}',
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX refund_order ON refund(order_id);

CREATE TABLE idempotency_key (
  route           VARCHAR(60) NOT NULL,
  key             VARCHAR(120) NOT NULL,
  request_hash    CHAR(64) NOT NULL,
  state           VARCHAR(11) NOT NULL CHECK (state IN ('in_progress', 'done')),
  response_status INT,
  response_body   TEXT,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (route, key)
);

CREATE TABLE outbox_event (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type         VARCHAR(40) NOT NULL,
  aggregate_id UUID NOT NULL,
  payload      JSONB NOT NULL,
  occurred_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  published_at TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished ON outbox_event(id) WHERE published_at IS NULL;

-- Double-entry ledger: append-only, every entry balanced (checked at commit by a deferred trigger).
CREATE TABLE ledger_account (
  code     VARCHAR(80) PRIMARY KEY,
  name     VARCHAR(200) NOT NULL,
  type     VARCHAR(9) NOT NULL CHECK (type IN ('asset', 'liability', 'revenue', 'contra', 'expense')),
  currency CHAR(3) NOT NULL
);
CREATE TABLE journal_entry (
  id          UUID PRIMARY KEY,
  seq         BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  kind        VARCHAR(20) NOT NULL,
  order_id    UUID REFERENCES orders(id),
  event_id    UUID REFERENCES event(id),
  currency    CHAR(3) NOT NULL,
  memo        VARCHAR(400),
  posted_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX journal_entry_order ON journal_entry(order_id);
CREATE INDEX journal_entry_event ON journal_entry(event_id);
CREATE TABLE journal_line (
  entry_id     UUID NOT NULL REFERENCES journal_entry(id),
  line_no      INT NOT NULL,
  account_code VARCHAR(80) NOT NULL REFERENCES ledger_account(code),
  debit_minor  BIGINT NOT NULL DEFAULT 0 CHECK (debit_minor >= 0),
  credit_minor BIGINT NOT NULL DEFAULT 0 CHECK (credit_minor >= 0),
  PRIMARY KEY (entry_id, line_no),
  CHECK ((debit_minor = 0) <> (credit_minor = 0))
);
CREATE INDEX journal_line_account ON journal_line(account_code);

CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER journal_entry_append_only BEFORE UPDATE OR DELETE ON journal_entry
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER journal_line_append_only BEFORE UPDATE OR DELETE ON journal_line
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

CREATE FUNCTION ledger_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  difference BIGINT;
BEGIN
  EXECUTE format('SELECT COALESCE(SUM(debit_minor - credit_minor), 0) FROM %I.journal_line WHERE entry_id = $1',
                 TG_TABLE_SCHEMA)
    INTO difference USING NEW.entry_id;
  IF difference <> 0 THEN
    RAISE EXCEPTION 'journal entry % is unbalanced by %', NEW.entry_id, difference;
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER journal_line_balanced AFTER INSERT ON journal_line
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balanced();
