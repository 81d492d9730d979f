-- Organisers: who puts an event on (a promoter, a festival, an exhibitor), with their own page.
CREATE TABLE organiser (
  id          UUID PRIMARY KEY,
  slug        VARCHAR(120) NOT NULL UNIQUE,
  name        VARCHAR(200) NOT NULL,
  description TEXT,
  website     VARCHAR(400),
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
ALTER TABLE event ADD COLUMN organiser_id UUID REFERENCES organiser(id);
CREATE INDEX event_organiser ON event(organiser_id);
