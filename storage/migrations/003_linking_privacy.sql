-- Invitations a manager sends to link a messenger account to a customer (/invite), and
-- the log of personal-data erasures (/forget, 152-FZ: the destruction itself is recorded).

-- One-time invitation links. Only the SHA-256 of the token is kept: whoever reads the
-- database cannot use an invitation that is still open.
CREATE TABLE invitations (
    id           INTEGER PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    customer_id  INTEGER NOT NULL REFERENCES customers(id),
    created_by   TEXT NOT NULL,             -- manager:<platform>:<user id>
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    used_at      TEXT,                      -- NULL: not used yet (single use)
    used_by      INTEGER REFERENCES accounts(id)
);
CREATE INDEX invitations_customer ON invitations(customer_id);

-- What was erased for whom and when; holds no personal data itself.
CREATE TABLE privacy_log (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id),
    at          TEXT NOT NULL,
    action      TEXT NOT NULL,              -- erasure
    erased      TEXT NOT NULL DEFAULT '{}'  -- JSON: what was erased (counts, field names)
);
CREATE INDEX privacy_log_account ON privacy_log(account_id);
