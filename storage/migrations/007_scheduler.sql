-- Scheduler bookkeeping (docs/scheduler.md). APScheduler only triggers: what is due is decided by the
-- database, and these unique keys make a repeated, caught-up or concurrent run a no-op.

-- Which daily job has completed which day ('YYYY-MM-DD', vendor-local): at start the bot
-- knows which days it missed while down (see docs/scheduler.md, "Catch-up").
CREATE TABLE job_runs (
    job          TEXT NOT NULL,             -- reminders | documents
    period       TEXT NOT NULL,
    finished_at  TEXT NOT NULL,
    result       TEXT NOT NULL DEFAULT '{}', -- JSON: what the run did (counts)
    PRIMARY KEY (job, period)
);

-- Session reminders: one per (booking, kind, start). A moved booking has a new start and so
-- gets fresh reminders; the old start's never fire because the booking no longer has it.
CREATE TABLE booking_reminder_log (
    id           INTEGER PRIMARY KEY,
    booking_id   INTEGER NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,             -- day_before | hours_before
    starts_at    TEXT NOT NULL,             -- the start (UTC) the reminder was about
    created_at   TEXT NOT NULL,
    sent         INTEGER NOT NULL DEFAULT 1, -- 0: skipped (a later reminder was due already)
    UNIQUE (booking_id, kind, starts_at)
);

-- "Send us the documents" reminders: one per period of waiting for documents, identified by
-- the time the request entered waiting_documents (request_events.at).
CREATE TABLE document_reminder_log (
    id             INTEGER PRIMARY KEY,
    request_id     INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    waiting_since  TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    UNIQUE (request_id, waiting_since)
);

-- A support-expiry reminder that reached none of the customer's chats (bot blocked, VK
-- messages not allowed) becomes a call-back request for managers, once per series.
CREATE TABLE manager_tasks (
    id           INTEGER PRIMARY KEY,
    license_id   INTEGER NOT NULL REFERENCES licenses(id) ON DELETE CASCADE,
    support_end  TEXT NOT NULL,
    request_id   INTEGER REFERENCES requests(id),
    reason       TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    UNIQUE (license_id, support_end)
);
