-- A manager blocks a person (docs/rules.md#blocking): /block N reason, /unblock N. Each block
-- keeps the account, the request the manager named, the reason, who blocked and when, who
-- lifted it and when (NULL: in force). accounts.blocked_at mirrors the block in force, so the
-- engine knows it from the account it loads with the chat's state anyway (NULL: not blocked).
-- What the person writes while blocked is kept in blocked_messages for the managers'
-- review (/blocked N), never passed to the desk; /forget blanks it.
ALTER TABLE accounts ADD COLUMN blocked_at TEXT;

CREATE TABLE blocks (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts(id),
    request_id    INTEGER REFERENCES requests(id),
    reason        TEXT NOT NULL,
    blocked_by    TEXT NOT NULL,           -- manager:<platform>:<user id>
    blocked_at    TEXT NOT NULL,
    unblocked_by  TEXT,
    unblocked_at  TEXT
);
CREATE INDEX blocks_account ON blocks(account_id);

CREATE TABLE blocked_messages (
    id        INTEGER PRIMARY KEY,
    block_id  INTEGER NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
    at        TEXT NOT NULL,
    text      TEXT NOT NULL DEFAULT '',
    files     TEXT NOT NULL DEFAULT ''     -- the names of the files sent with it
);
CREATE INDEX blocked_messages_block ON blocked_messages(block_id);
