-- One invitation per ticket of an ended event (its token is the survey link), one answer each.
CREATE TABLE plugin_surveys_invite (
  token       VARCHAR(64) PRIMARY KEY,
  event_id    UUID NOT NULL,
  ticket_id   UUID NOT NULL,
  name        VARCHAR(200),
  email       VARCHAR(254),
  sent_at     TIMESTAMPTZ,
  answered_at TIMESTAMPTZ,
  UNIQUE (event_id, ticket_id)
);
CREATE TABLE plugin_surveys_response (
  token          VARCHAR(64) PRIMARY KEY REFERENCES plugin_surveys_invite(token),
  event_id       UUID NOT NULL,
  nps            INT NOT NULL CHECK (nps BETWEEN 0 AND 10),
  comment        VARCHAR(2000),
  public_consent BOOLEAN NOT NULL DEFAULT false,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX plugin_surveys_response_event ON plugin_surveys_response(event_id);
