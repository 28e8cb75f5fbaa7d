## callback

callback-menu = Call me back
callback-after_hours = Our working day is over for now. Leave your phone number and we will call you back at a time convenient for you!
callback-hours = Working hours: { $days }, { $start }–{ $end } ({ $zone }), except public holidays.
callback-self_service = Support renewal quotes and the other menu items work around the clock — you can use them right now.
callback-offer_working = Leave your phone number and a manager will call you back at a convenient time.
callback-offer_hint = Press “Leave my phone” or go back to the main menu.
callback-leave_phone = Leave my phone
callback-ask_phone = Leave a phone number for the call back: share your number or type it, for example +7 999 000-11-22.
callback-phone_hint = I could not read the phone number. Type it in full, for example +7 999 000-11-22 or +359 888 123 456.
callback-use_my_phone = Use my phone { $phone }
callback-not_your_contact = This is someone else's contact; I cannot accept it. Share your own number or type the number to call.
callback-ask_when = When is it convenient for you to take the call? Choose with a button or type your own time.
callback-when_morning = Morning: { $when }
callback-when_afternoon = Afternoon: { $when }
callback-when_any = Any time
callback-when_other = Another time — I will type it
callback-when_hint = Choose a time with a button or type it.
callback-ask_when_text = Type when it suits you, for example: “Tuesday after 15:00”.
callback-when_text_hint = Type the convenient time as text.
callback-too_long = Too long: at most { $limit ->
        [one] { $limit } character
       *[other] { $limit } characters
    }. Please make it shorter.
callback-ask_topic = What is the call about? Choose a topic or type a few words.
callback-topic_hint = Choose a topic with a button or type it.
callback-topic_button_renewal = Support renewal
callback-topic_button_key = Protection key
callback-topic_button_booking = Remote session
callback-topic_button_other = Other
callback-topic_renewal = support renewal
callback-topic_key = protection key
callback-topic_booking = remote session
callback-topic_transfer = license transfer
callback-topic_support = technical support
callback-topic_general = question for a manager
callback-topic_other = other
callback-today = today
callback-tomorrow = tomorrow
# $weekday: the CLDR name (Monday); $weekday_number: ISO 1–7, which Russian and
# Bulgarian choose their preposition and case by.
callback-on_day = { $weekday_number ->
       *[other] on { $weekday }
    }, { $date },
callback-day_from = { $day } from { $time }
callback-filed = Call-back request #{ $number } is filed.
callback-expect_at = Expect our call at { $phone } { $when }.
callback-expect_soon = A manager will call you at { $phone } shortly, today before { $end }.
callback-expect_typed = We will call you at { $phone } at the time you gave: “{ $when }”.
callback-outside_hours = It is outside working hours now: the managers will take up your request { $when }.
callback-card_phone = Phone: { $phone }
callback-card_when_from = Convenient time: from { $when }
callback-card_when_any = Convenient time: any
callback-card_when_typed = Convenient time (customer's words): { $when_text }
callback-card_topic = Topic: { $topic }
callback-card_topic_typed = Topic: { $topic_text }
callback-card_next_morning = Left outside working hours — for the next working morning, { $when }
callback-when_not_understood = I did not understand when to call: "{ $text }". Write a day and a time, e.g. "tomorrow afternoon", "on Monday at 15:30" or "07.12.2026 10:00".
callback-when_understood = I understood: { $when }. Is that right?
callback-when_yes = Yes, right
callback-when_change = Change
callback-when_window = { $weekday }, { $date }, { $start }–{ $end }
callback-when_at = { $weekday }, { $date }, { $time }
callback-expect_understood = Expect our call at { $phone }: { $when }.
callback-card_when_window = Convenient time: { $start } – { $end } (the customer wrote: "{ $when_text }")
callback-card_when_at = Convenient time: { $when } (the customer wrote: "{ $when_text }")
