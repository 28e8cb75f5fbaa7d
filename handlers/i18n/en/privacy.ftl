## privacy

privacy-mydata_title = What I store about you:
privacy-account = • Account: { $platform }, id { $user }, language: { $language }, name: { $name }
privacy-platform_telegram = Telegram
privacy-platform_vk = VK
privacy-platform_console = console
privacy-linked = • Linked to the customer: { $name }, { $company }, phone { $phone }, e-mail { $email } (how: { $method })
privacy-not_linked = • The account is not linked to a customer.
privacy-method_phone = by phone
privacy-method_license = by license and key numbers
privacy-method_invitation = by a manager's invitation
privacy-method_manager = confirmed by a manager
privacy-consent_given = • Consent to personal data processing: given { $when }, text version { $version }
privacy-consent_none = • Consent to personal data processing: not given.
privacy-requests = • Your requests ({ $count }):
privacy-request_line = {" "} #{ $number } — { $kind }, { $status }
privacy-requests_more = {" "} …and { $count } more
privacy-no_requests = • No requests.
privacy-files = • Files in your requests: { $count }
privacy-erased_before = • Your data was erased at your request: { $when }
privacy-announcements_on = • Announcements: on (to stop them: /announcements off)
privacy-announcements_off = • Announcements: off, you stopped them (to turn them on: /announcements on)
privacy-how_to_forget = To withdraw consent and erase your data: /forget
privacy-nothing_left = No personal data of yours is left: no consent given, the account is not linked, the requests are anonymised. Nothing changed.
privacy-forget_confirm =
    Erase your personal data? This will:
    • withdraw your consent to personal data processing;
    • unlink the account from the customer and erase your name in the bot;
    • remove the name, phone, address, comments and other personal details from your requests; the requests themselves (number, kind, status, amount) stay, anonymised; an open link request is cancelled;
    • delete the files you sent.
    The customer record the company keeps in its accounting (contract, licenses, keys) is not deleted here: ask a manager about it.
privacy-forget_yes = Yes, erase my data
privacy-forget_no = No, keep it
privacy-confirm_hint = Press "Yes, erase my data" or "No, keep it".
privacy-forget_kept = All right, nothing was erased.
privacy-forgotten = Done: consent withdrawn, personal data erased ({ $requests ->
        [one] { $requests } request
       *[other] { $requests } requests
    } anonymised, { $files ->
        [one] { $files } file
       *[other] { $files } files
    } deleted). The erasure is recorded in the log.
