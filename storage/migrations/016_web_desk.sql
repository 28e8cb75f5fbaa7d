-- The managers' web desk (docs/rules.md#web-desk): who may sign in, their sessions, the
-- one-time sign-in links a manager asks the bot for with /web, and every sign-in attempt
-- (counted to slow down password guessing, per login and per address).
CREATE TABLE web_managers (
    id             INTEGER PRIMARY KEY,
    login          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name   TEXT NOT NULL,
    password_hash  TEXT,                    -- argon2id; NULL: signs in by one-time links only
    language       TEXT NOT NULL DEFAULT 'ru' CHECK (language IN ('ru', 'en', 'bg')),
    messenger      TEXT UNIQUE,             -- <platform>:<user id> of the manager who asked /web
    disabled       INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL
);

-- The cookie holds a random value; the table keeps its SHA-256 only.
CREATE TABLE web_sessions (
    id           TEXT PRIMARY KEY,
    manager_id   INTEGER NOT NULL REFERENCES web_managers(id) ON DELETE CASCADE,
    csrf         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL
);
CREATE INDEX web_sessions_manager ON web_sessions(manager_id);

-- One-time sign-in links: the SHA-256 of the token, single use, expiring.
CREATE TABLE web_sign_in_links (
    token_hash   TEXT PRIMARY KEY,
    manager_id   INTEGER NOT NULL REFERENCES web_managers(id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    used_at      TEXT
);

CREATE TABLE web_sign_in_attempts (
    id        INTEGER PRIMARY KEY,
    login     TEXT NOT NULL COLLATE NOCASE,
    address   TEXT NOT NULL,
    at        TEXT NOT NULL,
    success   INTEGER NOT NULL
);
CREATE INDEX web_sign_in_attempts_login ON web_sign_in_attempts(login, at);
CREATE INDEX web_sign_in_attempts_address ON web_sign_in_attempts(address, at);
