-- When a license's current support end was paid, and the end it renewed: the additional
-- protection service of a key lapses when its support is paid later than the key's support
-- end + reconnect_after_days (docs/rules.md#protection-service). The import fills both:
-- support_paid_on from the file's optional column, else the day it first saw that support
-- end; previous_support_end when the end changes. NULL: not known (rows of older imports).
ALTER TABLE licenses ADD COLUMN support_paid_on TEXT;
ALTER TABLE licenses ADD COLUMN previous_support_end TEXT;
