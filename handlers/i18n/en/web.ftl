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
