-- The messengers tell the bot who is a manager (a member of the managers' chat, or named in
-- MANAGER_TELEGRAM_IDS / MANAGER_VK_IDS), message by message. The account keeps what its
-- person's latest message said (1: a manager), so announcements (docs/rules.md#announcements),
-- chosen by SQL, go to customers and not to the desk's own people.
ALTER TABLE accounts ADD COLUMN manager INTEGER NOT NULL DEFAULT 0;
