## linking

linking-menu = Link my account
linking-choose =
    Link your account to your licenses and keys. The ways, fastest first:
    1. Press "Share my phone" below: if the number is a customer's number in our records, the account is linked at once. The number is only compared, not stored.
    2. A license number and the serial number of the key it is on.
    3. A request to a manager, who checks and confirms.
linking-choose_vk =
    Link your account to your licenses and keys. VK does not pass on a verified phone number, so here there are two ways:
    1. A license number and the serial number of the key it is on.
    2. A request to a manager, who checks and confirms.
linking-choose_hint = Press the button of the way you want.
linking-by_license = License and key numbers
linking-by_request = Request to a manager
linking-contact_foreign = This is someone else's contact. Only your own number can link your account: press "Share my phone". Nothing was stored.
linking-contact_unverified = I cannot check that this number is yours. Use the license and key numbers or a request to a manager. Nothing was stored.
linking-phone_unknown = No customer in our records has this phone number. Link your account with the license and key numbers, or send a request to a manager.
linking-linked = Done: your account is linked to the customer { $customer }. Your licenses and keys are now available.
linking-already_linked = Your account is already linked to the customer { $customer }.
linking-ask_license = Type the license number, e.g. L-1001:
linking-license_hint = A license number has up to 40 characters, e.g. L-1001.
linking-ask_serial = Now the serial number of the key this license is on (printed on the key, e.g. 3-1234567):
linking-serial_hint = A serial number has up to 40 characters, e.g. 3-1234567.
linking-no_match = The license and key numbers do not match. Attempts left: { $left }. Check them and type again.
linking-blocked = Too many wrong attempts ({ $limit }). For security, checking is paused; try again after { $until }, or send a request to a manager.
linking-invitation_unknown = I do not know this invitation. Check the link or ask a manager for a new one. Nothing changed.
linking-invitation_used = This invitation has already been used: it works once. Ask a manager for a new one. Nothing changed.
linking-invitation_expired = This invitation expired on { $when }. Ask a manager for a new one. Nothing changed.
linking-invitation_other_customer = Your account is already linked to another customer, so the invitation was not applied. If that is a mistake, write to a manager.
linking-linked_by_manager = Request #{ $number }: a manager confirmed the link. Your account is linked to the customer { $customer }.
linking-rejected_by_manager = Your request #{ $number } to link your account was rejected. Reason: { $reason }

## link_request

link_request-pending = Your link request #{ $number } is already with the managers. I will tell you when they decide.
link_request-skip = Skip
link_request-ask_name = A request to a manager to link your account. What is your name (first and last)?
link_request-name_hint = Type your name as text, up to 200 characters.
link_request-ask_company = Your company's name (or "Skip"):
link_request-company_hint = Type the name as text or press "Skip".
link_request-ask_phone = A phone number to reach you: press "Share my phone" or type the number.
link_request-ask_phone_typed = A phone number to reach you, e.g. +7 999 000-11-22:
link_request-phone_hint = I could not read the number. Type it like this: +7 999 000-11-22.
link_request-ask_license = Your license number, if you know it (or "Skip"):
link_request-license_hint = A license number has up to 40 characters; or press "Skip".
link_request-card_name = Name: { $name }
link_request-card_company = Company: { $company }
link_request-card_phone = Phone: { $phone }
link_request-card_license = License: { $license }
link_request-filed = Request #{ $number } has been sent to the managers. I will tell you here when they decide.

## linking_desk

linking_desk-approve = Approve link
linking_desk-reject = Reject link
linking_desk-not_link_request = Request #{ $number } does not exist or is not a link request. Nothing changed.
linking_desk-closed = Request #{ $number } is already closed ({ $status }). Nothing changed.
linking_desk-request_summary = Link, request #{ $number }: { $name }, { $company }, { $phone }, license { $license }.
linking_desk-suggested = Similar customers:
linking_desk-no_suggestions = No similar customers found.
linking_desk-found = Found for "{ $query }":
linking_desk-nothing_found = Nothing found for "{ $query }".
linking_desk-ask_customer = Choose the customer, or type a customer number, phone, license number or name.
linking_desk-customer_hint = Type a customer number, phone, license number or name (up to 100 characters).
linking_desk-no_customer = There is no customer #{ $number }. Nothing changed.
linking_desk-no_account = The account that filed request #{ $number } was not found. Nothing changed.
linking_desk-approved = Request #{ $number }: the account is linked to the customer { $customer }; the customer has been told.
linking_desk-ask_reason = Type the reason for rejecting request #{ $number }; the customer will see it:
linking_desk-reason_hint = Type the reason as text, up to 500 characters.
linking_desk-rejected = Request #{ $number } rejected; the customer has been told.

## invite

invite-menu = Invite a customer
invite-ask_customer = Whom to invite? Type a customer number, phone, license number, name or company.
invite-customer_hint = Type whom to look for (up to 100 characters), or choose a customer with a button.
invite-found = Found for "{ $query }":
invite-nothing_found = Nothing found for "{ $query }".
invite-no_customer = This customer no longer exists. Choose another one.
invite-created = Invitation for the customer { $customer }: single use, valid until { $until }. Send the customer the link:
invite-plain_command = Command for the bot: { $command }
