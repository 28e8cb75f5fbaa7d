web-title = Managers' desk
web-nav_requests = Requests
web-language = Language
web-language_ru = Русский
web-language_en = English
web-language_bg = Български
web-language_choose = Change
web-sign_out = Sign out
web-sign_in_title = Sign in to the managers' desk
web-login = Login
web-password = Password
web-sign_in = Sign in
web-sign_in_hint = No password? Write /web to the bot in a private chat: it sends you a sign-in link.
web-sign_in_wrong = Wrong login or password.
web-sign_in_too_many = Too many failed attempts. Try again in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
web-link_invalid = This sign-in link has been used already or has expired. Ask for a new one: write /web to the bot.
web-link_confirm = Press "Sign in" to sign in to the desk with this link. The link works once.
web-count_open = Open: { $count }
web-count_new = New: { $count }
web-count_overdue = Overdue: { $count }
web-count_documents = Waiting for documents: { $count }
web-filter_search = Search
web-filter_search_hint = customer, phone, license, key, request number
web-filter_status = Status
web-status_open = Open
web-status_all = All
web-any = Any
web-filter_kind = Kind
web-filter_manager = Manager
web-manager_mine = Mine
web-manager_none = Not taken
web-filter_documents = Waiting for documents
web-filter_overdue = First answer overdue
web-filter_apply = Show
web-found = { $count ->
        [one] { $count } request found
       *[other] { $count } requests found
    }
web-column_number = Number
web-column_kind = Kind
web-column_status = Status
web-column_customer = Customer
web-column_filed = Filed
web-column_manager = Manager
web-overdue = overdue
web-page_previous = ← Previous
web-page_next = Next →
web-page_of = Page { $page } of { $pages }
web-back_to_list = ← Back to the requests
web-answer = Answer to the bot's question
web-send = Send
web-cancel = Cancel
web-reply = Reply to the customer
web-reply_send = Send the reply
web-reject_reason = Reason for rejecting
web-reject_send = Reject
web-minutes = Minutes the session took
web-minutes_send = Bill the session
web-files = Files
web-file_view = open
web-file_not_yet = not downloaded yet
web-history = History
web-text_empty = Write the text first.
web-nav_bookings = Bookings
web-bookings_weeks = Weeks
web-bookings_previous = ← Previous week
web-bookings_this_week = This week
web-bookings_next = Next week →
web-bookings_go_to = Week of
web-bookings_show = Show
web-bookings_not_a_date = That is not a date: choose one in the calendar. This week is shown.
web-bookings_week = Week of { $first } to { $last }
web-bookings_zone = times: { $zone }
web-bookings_time = Time
web-bookings_day_off = day off
web-bookings_kind_backup = backup review
web-bookings_kind_direct = connection
web-bookings_status_confirmed = booked
web-bookings_status_done = held
web-bookings_status_cancelled = cancelled
web-bookings_change = Move or cancel
web-bookings_continues = continued
web-bookings_free = { $count } of { $of } free
web-bookings_back = ← To the week
web-bookings_booking = Booking of request #{ $number }
web-bookings_who = Customer
web-bookings_when = Starts
web-bookings_hours = { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }
web-bookings_kind = Kind
web-bookings_state = State
web-bookings_request = Open request #{ $number }
web-bookings_move = Move
web-bookings_move_day = Day
web-bookings_move_show = Show free times
web-bookings_move_free = Free times on { $day }
web-bookings_move_send = Move and tell the customer
web-bookings_move_none = No free time on { $day }: choose another day.
web-bookings_cancel = Cancel
web-bookings_cancel_reason = Reason (the customer gets it in the message)
web-bookings_cancel_send = Cancel the booking and tell the customer
web-bookings_not_changeable = This booking is already cancelled or held: it cannot be moved or cancelled.
web-nav_figures = Figures
web-figures_this_month = This month
web-figures_last_30_days = Last 30 days
web-figures_custom = Dates
web-figures_from = from
web-figures_to = to
web-figures_period = From { $first } to { $last }
web-figures_not_a_date = Choose both dates of the period (from and to). Showing this month.
web-figures_backwards = The period ends before it starts: the "to" date must be the same as or after the "from" date. Showing this month.
web-figures_too_long = The period is too long: at most { $days ->
        [one] { $days } day
       *[other] { $days } days
    }. Showing this month.
web-nav_data = Data
web-data_import = Import of customers, licenses and keys
web-data_import_hint = The vendor's CSV file (the format is in the README), up to { $max_mb } MB. Rows with errors are skipped and listed; the other rows are imported.
web-data_import_send = Import
web-data_no_file = Choose a CSV file first.
web-data_importing = Importing: { $done } of { $total } rows…
web-data_import_errors = Rows not imported
web-data_back = ← Back to Data
web-data_export = Downloads (CSV for Excel)
web-data_export_requests = All requests
web-data_export_customers = All customers
web-data_file_requests = requests
web-data_file_customers = customers

## What a page says to bad input (nothing changed).
web-problem_back = ← Back to the desk
web-problem_sign_in_first = Sign in to the desk to continue.
web-problem_form_expired = The form is out of date: open the page again and repeat.
web-problem_no_request = There is no such request.
web-problem_no_file = This request has no such file.
web-problem_no_booking = There is no such booking.
web-problem_no_import = There is no such import.
web-problem_no_announcement = There is no such announcement.
web-problem_button_gone = This button is no longer on the page: open the request again.
web-problem_nothing_asked = Nothing is being asked here now: open the request again.
web-problem_minutes_number = Minutes are a whole number, and only for a session request.
web-problem_choose_start = Choose a start time.
web-problem_unknown_language = The desk has no such language.
