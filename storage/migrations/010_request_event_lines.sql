-- A request's history note the bot writes itself ("booking cancelled by the customer",
-- "rating 4/5", "booking moved from … to …") is stored as a card line: a catalogue key and
-- its values, JSON [key, {values}] as in requests.details.card, so /request N renders it in
-- the reading manager's language with dates, times and money written the local way.
-- NULL: no such line. request_events.note keeps free text as a person typed it (a manager's
-- reply, a rejection reason, a rating comment); rows written before this column have only
-- their note and are shown as stored.
ALTER TABLE request_events ADD COLUMN note_line TEXT;
