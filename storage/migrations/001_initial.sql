-- Initial schema. Dates are ISO 'YYYY-MM-DD' text; timestamps are ISO 8601 in UTC with
-- offset ('2026-11-23T10:00:00+00:00'); money is decimal text ('1998.00'), never REAL.

CREATE TABLE customers (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    company     TEXT NOT NULL DEFAULT '',
    phone       TEXT,                       -- E.164, e.g. +79990001122
    email       TEXT NOT NULL DEFAULT '',
    resident    INTEGER NOT NULL DEFAULT 1, -- resident of the Russian Federation
    language    TEXT NOT NULL DEFAULT 'ru',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    erased_at   TEXT                        -- personal data erased (/forget)
);
CREATE INDEX customers_phone ON customers(phone);
CREATE INDEX customers_email ON customers(email);

CREATE TABLE products (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    price           TEXT NOT NULL,
    support_months  INTEGER NOT NULL,
    protection      TEXT NOT NULL CHECK (protection IN ('codemeter', 'module', 'none'))
);

CREATE TABLE licenses (
    id            INTEGER PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,
    product_id    INTEGER NOT NULL REFERENCES products(id),
    customer_id   INTEGER NOT NULL REFERENCES customers(id),
    workplaces    INTEGER NOT NULL DEFAULT 1,
    support_end   TEXT NOT NULL,
    license_end   TEXT,                     -- NULL: perpetual
    subscription  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX licenses_customer ON licenses(customer_id);
CREATE INDEX licenses_support_end ON licenses(support_end);

CREATE TABLE keys (
    id                       INTEGER PRIMARY KEY,
    serial                   TEXT NOT NULL UNIQUE,
    kind                     TEXT NOT NULL CHECK (kind IN ('codemeter', 'module')),
    customer_id              INTEGER NOT NULL REFERENCES customers(id),
    status                   TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'lost', 'stolen', 'broken', 'found', 'replaced')),
    status_changed_at        TEXT,
    protection_service       INTEGER NOT NULL DEFAULT 0,
    protection_connected_on  TEXT,
    protection_disconnected_on TEXT,
    programmed_until         TEXT
);
CREATE INDEX keys_customer ON keys(customer_id);

CREATE TABLE key_licenses (
    key_id      INTEGER NOT NULL REFERENCES keys(id) ON DELETE CASCADE,
    license_id  INTEGER NOT NULL REFERENCES licenses(id) ON DELETE CASCADE,
    PRIMARY KEY (key_id, license_id)
);
CREATE INDEX key_licenses_license ON key_licenses(license_id);

-- A person in a messenger. customer_id is set once the account is linked.
CREATE TABLE accounts (
    id               INTEGER PRIMARY KEY,
    platform         TEXT NOT NULL,          -- telegram | vk | console
    user_id          TEXT NOT NULL,
    customer_id      INTEGER REFERENCES customers(id),
    linked_by        TEXT,                   -- phone | license | invitation | manager
    language         TEXT NOT NULL DEFAULT 'ru',
    display_name     TEXT NOT NULL DEFAULT '',
    consent_at       TEXT,
    consent_version  TEXT,
    reminders_muted  INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    UNIQUE (platform, user_id)
);
CREATE INDEX accounts_customer ON accounts(customer_id);

-- Where each chat is in its conversation; a restart continues from here.
CREATE TABLE conversations (
    platform    TEXT NOT NULL,
    chat_id     TEXT NOT NULL,
    flow        TEXT,
    step        TEXT,
    data        TEXT NOT NULL DEFAULT '{}',
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (platform, chat_id)
);

CREATE TABLE requests (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL,          -- renewal | key_loss | transfer | booking | callback | link | question
    status           TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'in_work', 'waiting_documents', 'waiting_customer',
                          'done', 'rejected', 'cancelled')),
    customer_id      INTEGER REFERENCES customers(id),
    account_id       INTEGER REFERENCES accounts(id),
    verified         INTEGER NOT NULL DEFAULT 0,
    license_id       INTEGER REFERENCES licenses(id),
    key_id           INTEGER REFERENCES keys(id),
    amount           TEXT,                   -- computed amount shown to the customer, if any
    details          TEXT NOT NULL DEFAULT '{}',  -- JSON: what the flow collected
    manager          TEXT,                   -- who took it (platform:user_id)
    due_at           TEXT,                   -- e.g. the next working morning for a callback
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    first_answer_at  TEXT,
    rating           INTEGER CHECK (rating BETWEEN 1 AND 5),
    rating_comment   TEXT
);
CREATE INDEX requests_status ON requests(status);
CREATE INDEX requests_customer ON requests(customer_id);
CREATE INDEX requests_account ON requests(account_id);

CREATE TABLE request_events (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,              -- customer | manager:<id> | system
    from_status TEXT,
    to_status   TEXT,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX request_events_request ON request_events(request_id);

CREATE TABLE attachments (
    id             INTEGER PRIMARY KEY,
    request_id     INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    role           TEXT NOT NULL,           -- letter | write_off_act | license_file | backup | other
    original_name  TEXT NOT NULL,           -- metadata only, never a path
    stored_path    TEXT,                    -- generated name under FILES_DIR
    platform_file  TEXT,                    -- messenger's file id, until downloaded
    mime           TEXT NOT NULL DEFAULT '',
    size           INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL
);
CREATE INDEX attachments_request ON attachments(request_id);

CREATE TABLE bookings (
    id              INTEGER PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES requests(id),
    customer_id     INTEGER REFERENCES customers(id),
    account_id      INTEGER NOT NULL REFERENCES accounts(id),
    kind            TEXT NOT NULL CHECK (kind IN ('backup', 'direct')),
    starts_at       TEXT NOT NULL,          -- UTC
    hours           INTEGER NOT NULL,
    status          TEXT NOT NULL DEFAULT 'confirmed'
        CHECK (status IN ('confirmed', 'cancelled', 'done')),
    connection_fee  TEXT NOT NULL DEFAULT '0',
    estimate        TEXT NOT NULL,
    minutes_spent   INTEGER,
    bill            TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX bookings_starts ON bookings(starts_at);

-- Every message to someone other than the person being answered goes through here.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    platform         TEXT NOT NULL,
    chat_id          TEXT NOT NULL,
    topic            TEXT,                   -- e.g. manager card of a request
    request_id       INTEGER REFERENCES requests(id),
    text             TEXT NOT NULL,
    buttons          TEXT NOT NULL DEFAULT '[]',   -- JSON rows of [label, payload]
    document         TEXT,                   -- path of a file to send, if any
    status           TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sending', 'sent', 'refused', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    last_error       TEXT,
    dedupe_key       TEXT UNIQUE,            -- makes a scheduled message a no-op when repeated
    created_at       TEXT NOT NULL,
    sent_at          TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

CREATE TABLE outbox_attempts (
    id         INTEGER PRIMARY KEY,
    outbox_id  INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    result     TEXT NOT NULL,               -- sent | retry | refused | failed
    error      TEXT
);

-- One row per reminder ever decided: the unique key makes a repeat a no-op.
CREATE TABLE reminder_log (
    id           INTEGER PRIMARY KEY,
    license_id   INTEGER NOT NULL REFERENCES licenses(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    support_end  TEXT NOT NULL,
    due_on       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    outbox_id    INTEGER REFERENCES outbox(id),
    UNIQUE (license_id, kind, support_end)
);

CREATE TABLE renewal_batches (
    id           INTEGER PRIMARY KEY,
    month        TEXT NOT NULL UNIQUE,       -- 'YYYY-MM'
    run_on       TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    file_path    TEXT,
    summary      TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE renewal_batch_keys (
    batch_id          INTEGER NOT NULL REFERENCES renewal_batches(id) ON DELETE CASCADE,
    key_id            INTEGER NOT NULL REFERENCES keys(id),
    month             TEXT NOT NULL,
    outcome           TEXT NOT NULL,         -- prolonged | excluded_status | support_ended | disconnected
    programmed_until  TEXT,
    UNIQUE (key_id, month)
);

CREATE TABLE link_attempts (
    id        INTEGER PRIMARY KEY,
    platform  TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    at        TEXT NOT NULL,
    method    TEXT NOT NULL,
    success   INTEGER NOT NULL,
    detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX link_attempts_user ON link_attempts(platform, user_id, at);
