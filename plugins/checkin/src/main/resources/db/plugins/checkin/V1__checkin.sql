-- Smart check-in: gates per event, door devices with their own revocable credential, who is inside
-- (one row per admitted ticket: the single-use check is this row's primary key), every scan.
CREATE TABLE plugin_checkin_gate (
  id         UUID PRIMARY KEY,
  event_id   UUID NOT NULL,
  name       VARCHAR(80) NOT NULL,
  location   VARCHAR(200),
  capacity   INT CHECK (capacity IS NULL OR capacity > 0),
  vip        BOOLEAN NOT NULL DEFAULT false,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (event_id, name)
);
CREATE TABLE plugin_checkin_device (
  id               UUID PRIMARY KEY,
  name             VARCHAR(80) NOT NULL,
  gate_id          UUID NOT NULL REFERENCES plugin_checkin_gate(id),
  staff            VARCHAR(200),
  claim_code       VARCHAR(12) UNIQUE,
  claim_expires_at TIMESTAMPTZ,
  token_hash       VARCHAR(64) UNIQUE,
  claimed_at       TIMESTAMPTZ,
  revoked_at       TIMESTAMPTZ,
  last_seen_at     TIMESTAMPTZ,
  battery          INT,
  online           BOOLEAN,
  pending          INT,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE plugin_checkin_presence (
  ticket_id   UUID PRIMARY KEY,
  event_id    UUID NOT NULL,
  inside      BOOLEAN NOT NULL,
  first_in_at TIMESTAMPTZ NOT NULL,
  first_gate  UUID,
  first_nonce VARCHAR(64) NOT NULL,
  last_at     TIMESTAMPTZ NOT NULL,
  entries     INT NOT NULL DEFAULT 1
);
CREATE INDEX plugin_checkin_presence_event ON plugin_checkin_presence(event_id);
CREATE TABLE plugin_checkin_scan (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  nonce       VARCHAR(64) NOT NULL UNIQUE,
  event_id    UUID NOT NULL,
  ticket_id   UUID,
  gate_id     UUID,
  device_id   UUID,
  direction   VARCHAR(3) NOT NULL CHECK (direction IN ('in', 'out')),
  outcome     VARCHAR(20) NOT NULL,
  scanned_at  TIMESTAMPTZ NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  offline     BOOLEAN NOT NULL DEFAULT false,
  duplicate   BOOLEAN NOT NULL DEFAULT false,
  override_by VARCHAR(254),
  note        VARCHAR(300)
);
CREATE INDEX plugin_checkin_scan_event ON plugin_checkin_scan(event_id, received_at);
CREATE INDEX plugin_checkin_scan_ticket ON plugin_checkin_scan(ticket_id);
