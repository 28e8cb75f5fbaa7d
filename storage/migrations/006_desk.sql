-- The manager desk (docs/rules.md#managers) needs no table of its own: a relayed message (a manager's
-- answer, a customer's follow-up) and a rating are request_events notes, the rating is in
-- requests.rating / rating_comment, and a pending "reply to request N" lives in the chat's
-- conversations row. The number is kept so the migrations stay numbered without a gap.
SELECT 1;
