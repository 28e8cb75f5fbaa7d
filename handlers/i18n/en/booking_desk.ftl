## booking_desk
## A manager cancels or moves a customer's remote session (the web desk's Bookings page,
## the "Cancel the booking" button of a booking's card).

booking_desk-use_buttons = Cancel a customer's booking with the "Cancel the booking" button on its card; move it on the web desk's Bookings page.
booking_desk-cancel_button = ✖ Cancel the booking
booking_desk-ask_reason = Write why the booking of request #{ $number } is cancelled: the customer gets it in the message. /cancel keeps the booking.
booking_desk-cancelled = The booking of request #{ $number } for { $when } is cancelled; the customer has been told.
booking_desk-fee_passed = The one-time connection fee passed to the booking of request #{ $number } ({ $when }).
booking_desk-no_customer_chat = The customer has no chat with the bot: tell them yourself.
booking_desk-customer_cancelled = Your remote session on { $when } (request #{ $number }) was cancelled by a manager. Reason: { $reason }
booking_desk-moved = The booking of request #{ $number } moved from { $old } to { $new }; the customer has been told.
booking_desk-customer_moved = A manager moved your remote session (request #{ $number }) from { $old } to { $new }, { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }. I will remind you the day before and an hour before it starts.
booking_desk-not_found = Request #{ $number } has no booking. Nothing changed.
booking_desk-already_cancelled = The booking of request #{ $number } for { $when } is already cancelled. Nothing changed.
booking_desk-already_held = The session of request #{ $number } ({ $when }) has already been held. Nothing changed.
booking_desk-move_same_time = The booking of request #{ $number } is already at { $when }. Nothing changed.
booking_desk-move_too_soon = A booking can only move to a time in the future, at least { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    } from now; { $when } is not. Nothing changed.
booking_desk-move_outside_hours = { $when } is outside working hours (or the session would not end by the end of the working day). Nothing changed.
booking_desk-move_slot_taken = Every consultant is already taken at { $when }. Choose another time; nothing changed.
booking_desk-card_cancelled = Cancelled by a manager { $at }: { $reason }
booking_desk-card_moved = Moved by a manager { $at } (was { $old })
