-- VK channel: where Bots Long Poll resumes after a restart, and what each person's VK client
-- can show. Received events themselves go to the inbox (008) keyed by VK's event_id, which
-- also makes a Callback API event that VK sends again a no-op.

-- The long-poll position of a community. It is saved in the same transaction as the events
-- it follows (inbox rows), so a restart resumes exactly after the last stored event: nothing
-- that arrived while the bot was down is skipped, nothing stored is asked for again.
CREATE TABLE vk_longpoll (
    group_id    INTEGER PRIMARY KEY,
    ts          TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- The keyboard a person's VK client shows, from the client_info of their last message:
-- 'callback' (buttons inside the message that do not send text), 'inline' (buttons inside
-- the message that send their label) or 'standard' (a keyboard under the input field).
-- Messages queued for them later (cards, answers, reminders) are rendered for it.
CREATE TABLE vk_clients (
    peer_id     TEXT PRIMARY KEY,
    keyboard    TEXT NOT NULL CHECK (keyboard IN ('callback', 'inline', 'standard')),
    updated_at  TEXT NOT NULL
);
