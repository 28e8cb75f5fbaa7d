-- A support-renewal quote a person opened in the chat. The managers' figures count renewals
-- quoted: these and the support-expiry reminders (each carries its license's quote). One row
-- per person, subject and vendor-local day: looking at the same quote again that day is
-- the same quote. subject: 'license:<id>' or 'product:<id>:<support end typed>'.
CREATE TABLE quotes_shown (
    account_id  INTEGER NOT NULL REFERENCES accounts(id),
    subject     TEXT NOT NULL,
    shown_on    TEXT NOT NULL,
    PRIMARY KEY (account_id, subject, shown_on)
) WITHOUT ROWID;
CREATE INDEX quotes_shown_day ON quotes_shown(shown_on);
