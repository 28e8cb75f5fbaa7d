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
