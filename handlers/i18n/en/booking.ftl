## booking

booking-menu = Remote session
booking-kind_question =
    A remote session is like a specialist's visit without the travel: it is booked at least { $notice ->
        [one] { $notice } hour
       *[other] { $notice } hours
    } ahead, for free time within working hours.
booking-kind_about_backup = 💾 Backup review: you make a backup with the program's own tool and send it (to { -support-email } or as a file here). The consultant looks at the data and answers by phone or sends back a corrected backup.
booking-kind_about_direct = 🖥 Direct connection: the consultant connects to your computer with { -remote-tool }; { $voice ->
        [none] you see everything they do.
       *[named] you see everything they do and talk to them over { -voice-tool }.
    }
booking-kind_price =
    Price: { $rate } an hour for the time actually spent, at least { $min_hours ->
        [one] { $min_hours } hour
       *[other] { $min_hours } hours
    }.
booking-kind_price_fee = A direct connection adds a one-time connection fee of { $fee } on your first direct session.
booking-kind_pick = Which kind of session do you need?
booking-kind_hint = Choose the kind of session with a button.
booking-kind_backup = 💾 Backup review
booking-kind_direct = 🖥 Direct connection
booking-kind_name_backup = backup review
booking-kind_name_direct = direct connection to the computer
booking-my_bookings = My bookings
booking-my_bookings_count = My bookings ({ $count })
booking-new = New booking
booking-ask_problem_backup = Describe the problem: what you were doing, what went wrong, the error message. A detailed description helps the consultant find their way in the backup.
booking-ask_problem_direct = Describe the problem: what you were doing, what went wrong, the error message. A detailed description helps the consultant prepare for the session.
booking-problem_hint = Please describe the problem in text, at least a sentence or two. You can send the backup file after booking.
booking-problem_too_long = The description is too long ({ $length ->
        [one] { $length } character
       *[other] { $length } characters
    }, up to { $max } allowed). Please shorten it; you can tell the consultant the details.
booking-ask_phone = A phone number for the consultant to call: share your number with the button or type it, e.g. +7 999 123-45-67.
booking-use_known_phone = Use { $phone }
booking-phone_hint = I could not read that number. Type it in full with the code, e.g. +7 999 123-45-67 or 8 999 123-45-67.
booking-pick_day = Choose the day of the session (working days with free time are shown) or write when suits you, e.g. “tomorrow at 11:00”.
booking-day_hint = Choose a day with a button or write it in words, e.g. “tomorrow” or “on Wednesday at 14:00”.
booking-day_button = { $weekday } { $date }
booking-day_gone = That day can no longer be booked. Please choose another.
booking-day_full = There is no free time left on { $day }.
booking-no_days = There is no free time for a session in the next { $days ->
        [one] { $days } day
       *[other] { $days } days
    }. Please write to a manager, who will find a time.
booking-pick_time = { $day }: choose the start time (time zone: { $zone }):
booking-time_hint = Choose the start time with a button or write it, e.g. “15:00”.
booking-time_gone = That time is no longer available. Please choose another.
booking-too_soon = A session is not held on the spot: it is booked ahead, at least { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    } from now.
booking-earliest = The earliest free time: { $when }.
booking-time_not_free = { $when } cannot be booked: that time is taken or outside working hours. Please choose a free time.
booking-day_not_bookable = { $day } cannot be booked yet: bookings are open for the next { $days ->
        [one] { $days } day
       *[other] { $days } days
    }.
booking-other_day = « Another day
booking-other_time = « Another time
booking-pick_duration = Start: { $when }. Roughly how long will it take?
booking-duration_hint = Choose the duration with a button.
booking-duration_button = { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }
booking-duration_gone = That duration no longer fits at this time. Please choose another.
booking-estimate_title = Estimated cost:
booking-estimate_time = • time: { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    } × { $rate } = { $amount }
booking-estimate_fee = • one-time fee for connecting to the remote service system (first direct session: the { -remote-tool } license and a check of your installed programs): { $amount }
booking-estimate_no_fee = • no one-time connection fee: it is already paid or included in another of your direct-connection bookings
booking-estimate_total = Estimated total: { $amount }
booking-estimate_note = The final amount follows the time actually spent, but is at least { $min_hours ->
        [one] { $min_hours } hour
       *[other] { $min_hours } hours
    }.
booking-estimate_changed = The price changed while you were booking. Please look at the new estimate and agree to the terms again.
booking-consent_pay = Term { $number } of { $total }. The session is paid for the time actually spent, at least { $min_hours ->
        [one] { $min_hours } hour
       *[other] { $min_hours } hours
    }. If you interrupt the session, the time used is still paid for.
booking-consent_access = Term { $number } of { $total }. The consultant gets access to your computer only for the duration of the session. You see everything they do and can end the connection at any time. After the session there is no access until you allow it again for a new request.
booking-consent_backup = Term { $number } of { $total }. Make a backup of your data with the program's own tool before the session: the connection can drop unexpectedly. A firewall or antivirus may block the connection; then it has to be configured or switched off for a while.
booking-consent_pay_review = Payment. A backup review is paid for the time the consultant actually spends on your problem (looking into the data, answering by phone or correcting the backup), at least { $min_hours ->
        [one] { $min_hours } hour
       *[other] { $min_hours } hours
    }.
booking-agree_pay = ✅ I agree to pay for the time spent
booking-agree_access = ✅ I allow access for the session only
booking-agree_backup = ✅ Understood, I will make a backup
booking-decline = I do not agree
booking-declined = Without this agreement I cannot book a session. Nothing was saved. If you have questions about the terms, write to a manager.
booking-consent_pay_hint = To continue, press the agreement button under the term (or "I do not agree").
booking-consent_access_hint = To continue, press the agreement button under the term (or "I do not agree").
booking-consent_backup_hint = To continue, press the button under the term (or "I do not agree").
booking-consent_name_pay = paying for the time spent
booking-consent_name_access = remote access for the session only
booking-consent_name_backup = a backup before the session
booking-confirm_summary =
    Please check your booking:
    Kind: { $kind }
    Start: { $when }
    Duration: { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }
    Phone: { $phone }
    Estimated cost: { $total }
booking-confirm = ✅ Confirm the booking
booking-confirm_hint = Press "Confirm the booking" or choose another time.
booking-slot_just_taken = That time was just taken. Please choose another of the remaining times.
booking-booked = Done, you are booked! Request #{ $number }: { $kind }, { $when }, { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }. I will remind you the day before and an hour before the start.
booking-prepare_backup = To prepare: make a backup with the program's own tool and send it to { -support-email } or as a file in this chat (up to { $max_mb } MB; { $types }). The consultant will answer by phone or send back a corrected backup.
booking-prepare_direct = To prepare: make a backup of your data with the program's own tool before the session — the connection can drop. Be at a computer with internet access, with { $voice ->
        [none] { -remote-tool } installed beforehand.
       *[named] { -remote-tool } and { -voice-tool } installed beforehand.
    } A firewall or antivirus may block the connection: be ready to configure them.
booking-change_rule = You can cancel or move the booking in "My bookings" until { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    } before the start.
booking-what_next = Anything else?
booking-send_backup = Send the backup file here in the chat (up to { $max_mb } MB; { $types }) or to { -support-email }. You can also do it later, before the session.
booking-send_backup_button = Send the backup
booking-backup_file_hint = Send the backup as a file (document) or press "I'll send it later".
booking-backup_later = I'll send it later
booking-backup_later_ok = Fine. Send the file to this chat before the session and I will attach it to your booking.
booking-backup_received = Backup received: { $names }. It is attached to request #{ $number } (session { $when }).
booking-backup_anything_else = Thank you! Anything else?
booking-mine_title = Your upcoming sessions ({ $count }). Choose a booking:
booking-mine_hint = Choose a booking with a button.
booking-none_upcoming = You have no upcoming sessions.
booking-booking_button = { $when } · { $kind }
booking-view =
    Request #{ $number }: { $kind }
    Start: { $when }
    Duration: { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }
    Estimated cost: { $total }
booking-changeable_until = You can cancel or move it until { $when }.
booking-not_changeable = Less than { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    } before the start: the booking can no longer be cancelled or moved here, only through a manager.
booking-booking_hint = Choose an action with a button.
booking-move = Move
booking-cancel = Cancel
booking-not_yours = There is no such booking among your upcoming ones. Nothing has changed.
booking-stale = This booking step is out of date. Start again from the menu or open "My bookings".
booking-too_late = Less than { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    } before the start — the booking can no longer be cancelled or moved here. I can ask a manager to contact you.
booking-ask_manager = Ask a manager to contact me
booking-manager_asked = Passed on to the managers: they will call you at { $phone }.
booking-manager_asked_before = I have already passed your request on to the managers; they will call you at { $phone }.
booking-manager_change_asked = The customer asks to change or cancel the booking of request #{ $number } ({ $when }): too close to the start to change it in the bot. Phone: { $phone }.
booking-cancel_question = Cancel the session on { $when }?
booking-cancel_yes = Yes, cancel
booking-cancel_no = No, keep it
booking-cancel_confirm_hint = Press "Yes, cancel" or "No, keep it".
booking-cancelled = The booking for { $when } is cancelled. The managers have been told.
booking-fee_moved = The one-time connection fee ({ $amount }) moves to your booking on { $when }: its estimate is now { $total }.
booking-move_question = Move the session from { $old } to { $new } ({ $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    })?
booking-move_yes = ✅ Move
booking-move_confirm_hint = Press "Move" or choose another time.
booking-moved = The booking is moved: { $when }, { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }. The managers have been told; I will remind you the day before and an hour before the start.
booking-when = { $weekday } { $date }, { $time } ({ $zone })
booking-card_kind = Kind: { $kind }
booking-card_start = Start: { $start }, { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }
booking-card_phone = Phone: { $phone }
booking-card_problem = Problem: { $problem }
booking-card_time = Estimated time: { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    } × { $rate } = { $amount }
booking-card_fee = One-time connection fee (first direct session): { $amount }
booking-card_fee_passed = One-time connection fee moved here from cancelled request #{ $number }
booking-card_fee_billed = One-time connection fee already billed with request #{ $number }
booking-done_unbilled = No minutes were entered for the session of request #{ $number }: the customer has no bill. Once the session is held, enter them: /minutes { $number } <minutes>
booking-card_total = Estimated total: { $amount }
booking-card_consent = Consent "{ $consent }": { $at }
booking-card_moved = Moved by the customer { $at } (was { $old })
