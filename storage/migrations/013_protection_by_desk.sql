-- The additional protection service connected or disconnected by a manager through the bot
-- (a protection order or cancellation marked done, docs/rules.md#protection-service): the
-- day they did it. While it is set the import keeps the service as the managers left it
-- against a file that says otherwise (an accounting export that has not caught up yet),
-- and reports the key; a file that agrees (or, after a disconnection, names a connection on
-- or after that day) clears it and the file's value rules again. NULL: the import's value,
-- or the monthly run's, stands. requests.kind gains 'protection_order' and
-- 'protection_cancel' (a free TEXT column: no change needed).
ALTER TABLE keys ADD COLUMN protection_desk_on TEXT;
