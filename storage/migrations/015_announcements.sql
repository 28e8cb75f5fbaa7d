-- Announcements (docs/rules.md#announcements): a message a manager sends to many customers
-- at once, and the customers' choice not to receive them.
--
-- An outbox row has a lane: 0 service (answers, cards, reminders: everything before this
-- migration), 1 bulk (announcements). A sender offers bulk rows only after every due service
-- row, so an answer never waits behind a batch.
ALTER TABLE outbox ADD COLUMN lane INTEGER NOT NULL DEFAULT 0;

-- One announcement as sent: the text per language, the language whose text a customer
-- without one gets (NULL: such customers are left out), the button under it, the audience's
-- filters (JSON) and who gets the final report. Its messages are the outbox rows keyed
-- 'announce:<id>:<account id>'.
CREATE TABLE announcements (
    id               INTEGER PRIMARY KEY,
    created_at       TEXT NOT NULL,
    author           TEXT NOT NULL,          -- manager:<platform>:<user id>
    report_platform  TEXT NOT NULL,          -- where the final report goes
    report_chat      TEXT NOT NULL,
    report_language  TEXT NOT NULL,
    texts            TEXT NOT NULL,          -- JSON {language: text}
    fallback         TEXT,
    button           TEXT NOT NULL CHECK (button IN ('none', 'renew', 'manager')),
    filters          TEXT NOT NULL,          -- JSON
    recipients       INTEGER NOT NULL,
    left_out         INTEGER NOT NULL DEFAULT 0,  -- no text in their language, no fallback
    reported_at      TEXT
);

-- A customer who pressed the announcement's button (counted once per chat).
CREATE TABLE announcement_presses (
    announcement_id  INTEGER NOT NULL REFERENCES announcements(id) ON DELETE CASCADE,
    account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    at               TEXT NOT NULL,
    PRIMARY KEY (announcement_id, account_id)
);

-- A chat that asked for no announcements (the "Stop announcements" button); deleting the
-- row (/announcements on) lets them come again. Service messages are not affected.
CREATE TABLE announcement_optouts (
    account_id  INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    at          TEXT NOT NULL
);
