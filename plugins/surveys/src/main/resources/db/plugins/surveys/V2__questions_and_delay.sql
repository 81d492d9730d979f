-- Questions of an event's survey besides the NPS (rating 1-5, a choice, free text), their
-- answers, and ended events whose invitations wait for the tenant's chosen delay.
CREATE TABLE plugin_surveys_question (
  id       UUID PRIMARY KEY,
  event_id UUID NOT NULL,
  position INT NOT NULL,
  kind     VARCHAR(10) NOT NULL CHECK (kind IN ('rating', 'choice', 'text')),
  label    VARCHAR(300) NOT NULL,
  options  VARCHAR(1000),
  required BOOLEAN NOT NULL DEFAULT false,
  removed  BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX plugin_surveys_question_event ON plugin_surveys_question(event_id, position);
CREATE TABLE plugin_surveys_answer (
  token       VARCHAR(64) NOT NULL REFERENCES plugin_surveys_response(token),
  question_id UUID NOT NULL REFERENCES plugin_surveys_question(id),
  value       VARCHAR(2000) NOT NULL,
  PRIMARY KEY (token, question_id)
);
CREATE TABLE plugin_surveys_pending (
  event_id UUID PRIMARY KEY,
  due_at   TIMESTAMPTZ NOT NULL,
  sent_at  TIMESTAMPTZ
);
