## key_loss

key_loss-menu = Key lost, stolen or broken
## -- which key

key_loss-pick_key = Choose the key something happened to, or type its serial number (printed on the key, e.g. 3-1234567):
key_loss-pick_key_hint = Press the button with the key or type its serial number, e.g. 3-1234567.
key_loss-pick_key_unlinked =
    Type the serial number of the key or protection module (printed on it, e.g. 3-1234567).
    Your account is not linked to a customer, so the request goes to a manager as unverified: nothing happens to the key until a manager has checked that it is yours.
key_loss-pick_key_none = No keys are registered to you. Type the key's serial number if you have it, or ask a manager.
key_loss-key_button = { $serial } · { $kind } · { $status }
key_loss-not_your_key = Key { $serial } is not among your keys. Check the number or choose a key from the list. Nothing has changed.
key_loss-not_your_key_button = This key is not among yours. Choose one from the list. Nothing has changed.
key_loss-kind_codemeter = CodeMeter key
key_loss-kind_module = protection module
key_loss-status_active = active
key_loss-status_lost = reported lost
key_loss-status_stolen = reported stolen
key_loss-status_broken = reported broken
key_loss-status_found = found
key_loss-status_replaced = replaced
## -- what happened

key_loss-ask_what = Chosen: { $kind } { $serial } ({ $status }). What happened?
key_loss-ask_what_unverified = Key { $serial }. What happened?
key_loss-what_hint = Press a button: lost, stolen, broken or found.
key_loss-button_lost = Lost
key_loss-button_stolen = Stolen
key_loss-button_broken = Broken
key_loss-button_found = Found again
key_loss-what_lost = lost
key_loss-what_stolen = stolen
key_loss-what_broken = broken
key_loss-what_found = found
key_loss-what_found_lost = found after a loss
key_loss-what_found_stolen = found after a theft
key_loss-already_reported = Key { $serial } is already { $status }; managers have the request. Nothing has changed. If something else happened, ask a manager.
## -- "Yes, report it" first

key_loss-confirm_lost = Report { $kind } { $serial } as lost?
key_loss-confirm_stolen = Report { $kind } { $serial } as stolen?
key_loss-confirm_broken = Report { $kind } { $serial } as broken?
key_loss-confirm_in_run = The key leaves the monthly prolongation of the additional protection service at once and stops working after { $date }: it is programmed until then.
key_loss-confirm_in_run_unknown = The key leaves the monthly prolongation of the additional protection service at once and stops working when its current programming runs out.
key_loss-confirm_run_ended = Its programming ran out on { $date }, and it will not be prolonged any more.
key_loss-confirm_not_in_run = The key has no additional protection service: it is not prolonged monthly, and the report does not switch it off. But after the replacement the license files bound to it must not be used: the letter commits you to that.
key_loss-confirm_protected = No documents are needed: the licenses are restored on a new key; you pay the new key ({ $key_price }) and delivery ({ $delivery }).
key_loss-confirm_documents = The replacement is at your cost: a new { $kind } costs { $price }; the licenses are moved to it once the scans of the letter on company letterhead and the act of write-off are in.
key_loss-confirm_nothing_yet = Nothing is recorded until you press "Yes, report it".
key_loss-confirm_yes = Yes, report it
key_loss-confirm_no = No
key_loss-confirm_hint = Press "Yes, report it" or "No".
key_loss-unchanged = All right, nothing has changed: key { $serial } is still { $status }.
## -- A: the additional protection service

key_loss-until_date = after { $date }
key_loss-until_unknown = when its current programming runs out
key_loss-protected_marked =
    Recorded: key { $serial } is { $what }. It is excluded from the monthly prolongation and stops working { $until }.
    The key has the additional protection service, so no documents are needed: its licenses ({ $licenses }) will be restored on a new key.
    You pay only:
    • the new CodeMeter key — { $key_price };
    • delivery — { $delivery } (paid separately).
    Total: { $total }.
    Request #{ $number }. Now tell me where and to whom to deliver the new key.
key_loss-ask_address = Type the delivery address for the new key: postal code, city, street, building, office.
key_loss-address_hint = Type the address in one message, 5 to 500 characters.
key_loss-ask_recipient = Who will receive the key? Type the recipient's full name and a phone number for the courier.
key_loss-recipient_hint = Type the recipient in one message, 2 to 200 characters.
key_loss-delivery_filed = Thank you! Request #{ $number } has been passed to the managers: they will send an invoice for the key and delivery and restore the licenses on the new key.
key_loss-missing_delivery = delivery address and recipient
## -- B: documents

key_loss-documents_marked =
    Recorded: key { $serial } is { $what }.
    The additional protection service does not cover this key, so the replacement is at your cost: a new { $kind } costs { $price }, and all licenses of the old one ({ $licenses }) will be moved to it.
    The replacement needs scans of two documents:
    1. { $letter }
    2. { $act }
    Request #{ $number } is waiting for the documents. Send them one at a time.
key_loss-letter_item = A letter on your company's official letterhead notifying the loss of key (module) { $serial }, with the obligation not to use the license files bound to it.
key_loss-letter_item_stolen = A letter on your company's official letterhead notifying the theft of key (module) { $serial }, with the obligation not to use the license files bound to it.
key_loss-letter_item_broken = A letter on your company's official letterhead notifying the breakage of key (module) { $serial }, with the obligation not to use the license files bound to it and to return the broken key.
key_loss-act_item_lost = The act of write-off of the lost key (akt o spisanii).
key_loss-act_item_stolen = The act of write-off of the stolen key (akt o spisanii).
key_loss-act_item_broken = The act of write-off of the broken key (akt o spisanii).
key_loss-ask_letter =
    Document 1 of 2. { $letter }
    Send the scan as a file ({ $types }, up to { $max_mb } MB).
key_loss-letter_hint = I need a file: the scan of the letter. Send it as a document or a photo.
key_loss-ask_act =
    Document 2 of 2. { $act }
    Send the scan as a file ({ $types }, up to { $max_mb } MB).
key_loss-act_hint = I need a file: the scan of the act of write-off. Send it as a document or a photo.
key_loss-later = I'll send them later
key_loss-later_text = All right. Request #{ $number } is waiting for the documents; I will remind you in { $days ->
        [one] { $days } day
       *[other] { $days } days
    }. Continue with the button below or the menu item "Key lost, stolen or broken".
key_loss-one_at_a_time = Please send one file per message. Nothing has been saved.
key_loss-document_received = Received: { $document } ({ $name }).
key_loss-document_letter = the letter on company letterhead
key_loss-document_write_off_act = the act of write-off
key_loss-documents_filed = Both documents received. Request #{ $number } has been passed to the managers: they will send an invoice for the new key and move the licenses to it.
key_loss-request_closed = This request is already closed; nothing has been saved. Start again from the menu if needed.
## -- coming back

key_loss-resume_title = You have unfinished key requests:
key_loss-resume_line = • #{ $number }, key { $serial }: still missing — { $missing }
key_loss-resume_hint = Press a button: continue a request or report another key.
key_loss-continue_button = Continue request #{ $number }
key_loss-other_key = Report another key
key_loss-nothing_to_continue = Request #{ $number } is not waiting for anything from you.
## -- found

key_loss-not_reported_lost = Key { $serial } was not reported lost or stolen (now: { $status }). Nothing has changed.
key_loss-report_lost = of the loss
key_loss-report_stolen = of the theft
key_loss-found_question =
    Key { $serial } turned up before the replacement: request #{ $number } is not done yet (now: { $status }).
    If you have the key, I will withdraw the report { $report }: request #{ $number } will be cancelled, no new key is needed, and the key is in service again. { $service }
    Withdraw the report?
key_loss-found_question_closed =
    Key { $serial } turned up. No replacement was made under request #{ $number } (the request was { $status }).
    If you have the key, it is in service again. { $service }
    Put the key back in service?
key_loss-withdraw_yes = Yes, put the key back in service
key_loss-withdraw_no = No, leave it as it is
key_loss-withdraw_hint = Press "Yes, put the key back in service" or "No, leave it as it is".
key_loss-back_in_run = It goes back into the monthly prolongation: it is programmed until { $date } and is prolonged on the 1st as before.
key_loss-back_in_run_reprogram = It goes back into the monthly prolongation, but its programming ran out on { $date }: it works again once programmed anew, at the prolongation on the 1st or sooner through the managers.
key_loss-back_in_run_unknown = It goes back into the monthly prolongation and works again once programmed anew, at the prolongation on the 1st or sooner through the managers.
key_loss-back_not_in_run = It is not prolonged monthly: the additional protection service does not cover it.
key_loss-found_withdrawn = Done: the report { $report } is withdrawn, request #{ $number } is cancelled, key { $serial } is in service again. { $service } Request #{ $found } informs the managers.
key_loss-found_returned = Done: key { $serial } is in service again. { $service } Request #{ $found } informs the managers.
key_loss-found_replaced_protected = Recorded: key { $serial } has been found. Its licenses were already restored on a new key under request #{ $number }, so they cannot come back to the found key. It can still be used as a carrier for new licenses. Request #{ $found } informs the managers.
key_loss-found_replaced_documents = Recorded: key { $serial } has been found. Its licenses were already moved to a new key under request #{ $number }; the license files bound to the found key must not be used, as your letter committed. A manager will tell you whether the found key can carry new licenses. Request #{ $found } has been passed to the managers.
key_loss-found_unknown = Recorded that key { $serial } has turned up. Request #{ $number } has been passed to a manager, who will check the replacement and contact you. The key's status is unchanged for now.
## -- an unlinked person

key_loss-unverified_filed = Request #{ $number } has been passed to the managers as unverified: your account is not linked to a customer, so nothing has been done to the key yet. A manager will check that the key is yours and contact you.
## -- the managers' card

key_loss-card_serial_typed = Key (number as typed by the sender): { $serial }
key_loss-card_key = Key: { $serial } ({ $kind })
key_loss-card_what = What happened: { $what }
key_loss-card_unverified = Sender not linked to a customer: the key has NOT been changed; check the owner.
key_loss-card_known = In the database: { $kind } of { $owner }, status — { $status }
key_loss-card_unknown = No such key in the database.
key_loss-card_found_protected = With the protection service: key recorded as found; licenses are not restored on it, it may carry new ones.
key_loss-card_found_documents = Without the protection service: key status unchanged; decide on the replacement.
key_loss-card_found_replaced_protected = Licenses already restored on a new key under request #{ $number }: they cannot be restored on the found one; key recorded as found, it may carry new licenses.
key_loss-card_found_replaced_documents = Licenses already moved to a new key under request #{ $number }; the customer committed not to use the found key's license files. Key recorded as found: tell the customer whether it may carry new licenses.
key_loss-card_found_withdrawn = Found before the replacement: request #{ $number } (was: { $status }) cancelled by the customer, key in service again.
key_loss-card_found_not_replaced = No replacement made (request #{ $number }: { $status }), key in service again.
key_loss-card_found_unknown = No replacement request for this key: key status unchanged; check and decide with the customer.
key_loss-card_back_in_run = Key back in the monthly prolongation, programmed until: { $date }
key_loss-card_reprogram = Key back in the monthly prolongation, but its programming ran out ({ $date }): it does not work until programmed anew; program it before the run on the 1st if needed.
key_loss-card_back_not_in_run = Protection service not active: the key is not prolonged monthly.
key_loss-card_withdrawn_found = Withdrawn by the customer: the key turned up before the replacement (request #{ $number })
key_loss-history_withdrawn_found = Withdrawn by the customer: the key turned up before the replacement (request #{ $number })
key_loss-card_licenses = Licenses on the key: { $licenses }
key_loss-card_protected = Protection service active: no documents, key excluded from the monthly prolongation.
key_loss-card_programmed_until = Programmed until: { $date }
key_loss-card_unknown_date = unknown
key_loss-card_prices = New key: { $key_price }, delivery: { $delivery }, total { $total }
key_loss-card_awaited = awaited from the customer
key_loss-card_address = Delivery address: { $address }
key_loss-card_recipient = Recipient: { $recipient }
key_loss-card_documents_branch = No protection service: replacement at the customer's cost, letter and act of write-off required.
key_loss-card_new_key_price = New { $kind }: { $price }
key_loss-card_documents = Documents: { $state }
key_loss-card_docs_awaited = awaited from the customer
key_loss-card_docs_received = received
