-- Digests to a manager chat whose cards wait for the messenger's limit (Telegram lets a bot
-- post 20 messages a minute to a group): one message naming the new requests whose cards
-- are still queued, so managers learn of each within a minute (storage/digests.py). A
-- digest is an outbox row like any other (topic 'digest', sent ahead of the cards); this
-- table records which requests it named, so each is named once. A digest refused for good
-- names nothing: its requests go into the next one.
CREATE TABLE outbox_digest_requests (
    request_id  INTEGER NOT NULL REFERENCES requests(id),
    outbox_id   INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
    PRIMARY KEY (request_id, outbox_id)
) WITHOUT ROWID;

-- Whether a chat has had any message about a request yet: its outbox rows by request.
CREATE INDEX outbox_request ON outbox(request_id, platform, chat_id, status)
    WHERE request_id IS NOT NULL;
