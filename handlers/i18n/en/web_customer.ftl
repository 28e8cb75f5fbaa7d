## web_customer: the web desk's Customers search and Customer page

web_customer-nav = Customers
web_customer-search = Find a customer
web_customer-search_hint = name, company, phone, e-mail, license, key
web_customer-search_apply = Find
web_customer-search_prompt = Type a name, phone, license number or key serial.
web_customer-none_yet = No customers yet: load them on the Data page.
web_customer-search_none = No customer found.
web_customer-column_name = Customer
web_customer-column_company = Company
web_customer-column_phone = Phone
web_customer-column_email = E-mail
web_customer-not_found = There is no such customer.
web_customer-back = ← Back to the customer search
web_customer-no_name = (no name)
web_customer-of_request = Customer:
web_customer-contacts = Contacts
web_customer-resident = Resident of the Russian Federation
web_customer-yes = yes
web_customer-no = no
web_customer-language = Language
web_customer-blocked_title = Blocked
web_customer-blocked_line = { $platform }, { $who }: blocked { $when } by { $manager }. Reason: { $reason }
web_customer-blocked_line_unlinked = { $platform }, { $who } (not linked to the customer, wrote in one of its requests): blocked { $when } by { $manager }. Reason: { $reason }
web_customer-blocked_badge = blocked: { $reason }
web_customer-accounts = Linked messenger accounts
web_customer-accounts_none = No messenger account is linked.
web_customer-column_platform = Messenger
web_customer-column_account_name = Name
web_customer-column_linked_by = How linked
web_customer-column_since = Writing since
web_customer-column_reminders = Reminders
web_customer-platform_telegram = Telegram
web_customer-platform_vk = VK
web_customer-platform_console = console
web_customer-platform_web = web desk
web_customer-linked_phone = by phone
web_customer-linked_license = by license and key numbers
web_customer-linked_invitation = by a manager's invitation
web_customer-linked_manager = confirmed by a manager
web_customer-linked_demo = demo data
web_customer-linked_other = —
web_customer-reminders_on = on
web_customer-reminders_muted = turned off by the customer
web_customer-licenses = Licenses
web_customer-licenses_none = No licenses.
web_customer-column_license = License
web_customer-column_product = Product
web_customer-column_workplaces = Workplaces
web_customer-column_keys = Keys
web_customer-column_support_end = Support until
web_customer-column_support_state = State
web_customer-column_quote = Renewal today
web_customer-support_active = active
web_customer-support_ending = { $days ->
        [0] ends today
        [one] ends in { $days } day
       *[other] ends in { $days } days
    }
web_customer-support_lapsed = { $days ->
        [one] ended { $days } day ago
       *[other] ended { $days } days ago
    }
web_customer-quote_preferential = { $amount } at the preferential rate of { $rate } until { $until }; support until { $new_end }
web_customer-quote_standard = { $amount } at the standard rate of { $rate }; support until { $new_end }
web_customer-keys = Keys
web_customer-keys_none = No keys.
web_customer-column_serial = Serial number
web_customer-column_key_kind = Kind
web_customer-column_key_status = Status
web_customer-column_protection = Additional protection
web_customer-column_runs = Monthly runs
web_customer-protection_connected = connected, support until { $end }
web_customer-protection_support_ended = connected, support ended: kept if renewed by { $deadline }
web_customer-protection_lapsed = not active: support was not renewed in time
web_customer-protection_not_connected = not connected
web_customer-protection_no_licenses = no licenses on the key
web_customer-protection_not_available = not a CodeMeter key
web_customer-protection_reported = the key is out of service (lost, stolen, broken, found after a loss or replaced)
web_customer-runs_none = no runs yet
web_customer-run_prolonged = { $when }: prolonged until { $until }
web_customer-run_support_ended = { $when }: left out, support ended
web_customer-run_disconnected = { $when }: disconnected
web_customer-run_excluded_status = { $when }: excluded, the key was lost, stolen or broken
web_customer-run_other = { $when }: nothing changed
web_customer-requests = Requests
web_customer-requests_none = No requests.
web_customer-bookings = Remote sessions
web_customer-bookings_none = No sessions.
web_customer-column_starts = Starts
web_customer-column_session_kind = Kind
web_customer-column_hours = Hours
web_customer-column_session_status = Status
web_customer-column_amount = Amount
web_customer-session_backup = backup review
web_customer-session_direct = direct connection
web_customer-session_confirmed = confirmed
web_customer-session_cancelled = cancelled
web_customer-session_done = held
web_customer-session_estimate = estimate { $amount }
web_customer-session_bill = billed { $amount } for { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
web_customer-consents = Consents to personal data processing
web_customer-consents_none = No consents.
web_customer-consent_line = { $platform }, { $name }: given { $when }, text version { $version }
web_customer-reminders = Reminders sent
web_customer-reminders_none = No reminders yet.
web_customer-column_reminder = Reminder
web_customer-column_due = Date
web_customer-reminder_before_end = { $days ->
        [one] { $days } day before the support end
       *[other] { $days } days before the support end
    }
web_customer-reminder_after_end = { $days ->
        [one] { $days } day after the support end
       *[other] { $days } days after the support end
    }
web_customer-reminder_before_preferential_end = { $days ->
        [one] { $days } day before the preferential rate ends
       *[other] { $days } days before the preferential rate ends
    }
web_customer-reminder_protection = { $days ->
        [one] about the additional protection, { $days } day after the support end
       *[other] about the additional protection, { $days } days after the support end
    }
web_customer-reminder_other = about the support end
