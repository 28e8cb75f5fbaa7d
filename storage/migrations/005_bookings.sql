-- Remote-session bookings (docs/rules.md#remote-sessions): the lookups the booking flow and /minutes make.

-- One booking per request: /minutes N finds the booking of request N; a move updates the
-- row, it never adds a second one.
CREATE UNIQUE INDEX bookings_request ON bookings(request_id);

-- "My bookings" and the connection-fee count: a person's (or customer's) bookings.
CREATE INDEX bookings_account_start ON bookings(account_id, starts_at);
CREATE INDEX bookings_customer_start ON bookings(customer_id, starts_at);
