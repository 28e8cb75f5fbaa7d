## session_bill

session_bill-usage = How to enter a session's time: /minutes N M, where N is the request number on the booking's card and M the minutes spent (a whole number from 1 to { $max }). Example: /minutes 12 90
session_bill-bad_minutes = Minutes must be a whole number from 1 to { $max }. Nothing has changed.
session_bill-unknown_request = There is no request #{ $number }. Nothing has changed.
session_bill-not_a_booking = Request #{ $number } is not a session booking. Nothing has changed.
session_bill-cancelled = The booking of request #{ $number } was cancelled; there is nothing to bill. Nothing has changed.
session_bill-not_started = The session of request #{ $number } is booked for { $when } and has not started yet: the minutes are entered after it. Nothing has changed.
session_bill-already_billed = The time of request #{ $number } was already entered: { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }, bill { $amount }. Nothing has changed.
session_bill-billed = Request #{ $number }, session { $when }:
session_bill-bill_time = • { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } spent, { $billed ->
        [one] { $billed } minute
       *[other] { $billed } minutes
    } billed (at least { $min_hours ->
        [one] { $min_hours } hour
       *[other] { $min_hours } hours
    }) at { $rate } an hour: { $amount }
session_bill-bill_fee = • one-time fee for connecting to the remote service system: { $amount }
session_bill-bill_total = Total due: { $amount }
session_bill-sent = The bill was sent to the customer.
session_bill-not_sent = The bill could not be sent to the customer in the bot (account erased): tell them the amount yourself.
session_bill-customer_title = The session of request #{ $number } ({ $when }) is over. Your bill:
session_bill-customer_next = A manager will send the payment details. Thank you for contacting us!
session_bill-card_bill = Held: { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }, { $billed ->
        [one] { $billed } minute
       *[other] { $billed } minutes
    } billed; connection fee { $fee }; total { $total }
