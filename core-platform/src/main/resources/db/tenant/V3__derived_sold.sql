-- "sold" is derived from the tickets (status valid) instead of a counter: paying no longer updates the
-- ticket-type row, which every buyer of the event shares. "taken" (held + sold) stays the inventory authority.
ALTER TABLE ticket_type DROP CONSTRAINT ticket_type_not_oversold;
ALTER TABLE ticket_type DROP COLUMN sold;
ALTER TABLE ticket_type ADD CONSTRAINT ticket_type_not_oversold CHECK (taken >= 0 AND taken <= capacity);
CREATE INDEX ticket_type_valid ON ticket(ticket_type_id) WHERE status = 'valid';
