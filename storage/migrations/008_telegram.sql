-- Telegram channel: the inbox of received updates, forum topics of requests in the manager
-- chat, which manager-chat message belongs to which request, and the senders' bookkeeping.

-- Every update a messenger delivers is stored here BEFORE it is acknowledged (the next
-- getUpdates offset, the webhook's 200), so a crash never loses a customer's message.
-- (platform, update_key) is unique: a redelivered update is a no-op. The step that handles
-- an update marks its row 'handled' in the same transaction as the step's own writes, so an
-- update is never handled twice; the answers it owes wait in `replies` until sent ('done').
CREATE TABLE inbox (
    id           INTEGER PRIMARY KEY,
    platform     TEXT NOT NULL,
    update_key   TEXT NOT NULL,             -- Telegram: update_id
    chat_key     TEXT NOT NULL DEFAULT '',  -- updates of one chat are handled in order
    body         TEXT NOT NULL,             -- the update as received (JSON); emptied once handled
    status       TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'handled', 'done', 'set_aside')),
    tries        INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    replies      TEXT,                      -- JSON: answers owed between 'handled' and 'done'
    received_at  TEXT NOT NULL,
    finished_at  TEXT,
    UNIQUE (platform, update_key)
);
CREATE INDEX inbox_open ON inbox(platform, status, id);

-- One forum topic per request in a manager chat. A row with thread_id NULL is a topic being
-- created: the row (primary key) is taken before createForumTopic, so a burst of first
-- messages never creates two topics for one request.
CREATE TABLE telegram_topics (
    chat_id     TEXT NOT NULL,
    request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    thread_id   INTEGER,
    title       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    PRIMARY KEY (chat_id, request_id)
);
CREATE UNIQUE INDEX telegram_topics_thread ON telegram_topics(chat_id, thread_id);

-- Messages the bot sent to a manager chat about a request (cards, relayed follow-ups): a
-- manager's reply to one of them reaches that request's customer.
CREATE TABLE telegram_messages (
    chat_id     TEXT NOT NULL,
    message_id  INTEGER NOT NULL,
    request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    PRIMARY KEY (chat_id, message_id)
);

-- Senders: a long text goes out in several parts; the parts already delivered are not sent
-- again when a later part is retried. One chat's messages go out in order.
ALTER TABLE outbox ADD COLUMN sent_parts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX outbox_chat_order ON outbox(platform, chat_id, status, id);
