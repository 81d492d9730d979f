-- Storefront: mail notifications (fed from the outbox), attendee accounts with one-time codes,
-- and refund requests made by attendees.

-- The mail dispatcher's progress through the outbox: a per-consumer column rather than a cursor, so
-- an event whose transaction commits late (a lower id seen after a higher one) is never skipped.
ALTER TABLE outbox_event ADD COLUMN mailed_at TIMESTAMPTZ;
UPDATE outbox_event SET mailed_at = now();
CREATE INDEX outbox_unmailed ON outbox_event(id) WHERE mailed_at IS NULL;

CREATE TABLE notification (
  id              UUID PRIMARY KEY,
  kind            VARCHAR(40) NOT NULL,
  -- one mail per business fact, however often the fact is seen
  dedupe_key      VARCHAR(200) NOT NULL UNIQUE,
  recipient       VARCHAR(254) NOT NULL,
  ref_id          UUID,
  detail          JSONB NOT NULL DEFAULT '{}',
  status          VARCHAR(7) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        INT NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_error      VARCHAR(1000),
  subject         VARCHAR(300),
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  sent_at         TIMESTAMPTZ
);
CREATE INDEX notification_due ON notification(next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_recipient ON notification(lower(recipient), created_at DESC);

-- Attendees are customers of this tenant only (no identity shared across brands).
CREATE TABLE customer (
  id              UUID PRIMARY KEY,
  email           VARCHAR(254) NOT NULL,
  name            VARCHAR(200),
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_sign_in_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX customer_email ON customer(lower(email));

CREATE TABLE sign_in_code (
  id         UUID PRIMARY KEY,
  email      VARCHAR(254) NOT NULL,
  code_hash  CHAR(64) NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  attempts   INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  used_at    TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_code_email ON sign_in_code(lower(email), created_at DESC);

CREATE INDEX ticket_holder_email ON ticket(lower(holder_email));

CREATE TABLE refund_request (
  id             UUID PRIMARY KEY,
  order_id       UUID NOT NULL REFERENCES orders(id),
  ticket_id      UUID NOT NULL REFERENCES ticket(id),
  customer_email VARCHAR(254) NOT NULL,
  amount_minor   BIGINT NOT NULL CHECK (amount_minor > 0),
  currency       CHAR(3) NOT NULL,
  status         VARCHAR(8) NOT NULL CHECK (status IN ('pending', 'rejected', 'refunded')),
  reason         VARCHAR(400),
  decided_by     VARCHAR(254),
  decided_at     TIMESTAMPTZ,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- a ticket has at most one open or completed request
CREATE UNIQUE INDEX refund_request_live ON refund_request(ticket_id) WHERE status IN ('pending', 'refunded');
CREATE INDEX refund_request_pending ON refund_request(created_at) WHERE status = 'pending';
