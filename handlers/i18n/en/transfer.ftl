## transfer

transfer-menu = Transfer or merge licenses
## -- the operation

transfer-ask_operation = What needs to be done with the licenses?
transfer-operation_hint = Press the button with the operation you need.
transfer-operation_button_move = Move from one or several keys to one key
transfer-operation_button_merge = Merge licenses on one key
transfer-operation_button_redistribute = Redistribute workplaces between keys
transfer-operation_move = moving licenses to one key
transfer-operation_merge = merging licenses
transfer-operation_redistribute = redistributing workplaces
## -- licenses

transfer-ask_licenses = Mark every license involved (a press marks or unmarks it), or type their numbers separated by commas. Then press "Done".
transfer-licenses_hint = Press a license button or type license numbers separated by commas, e.g. L-1001, L-1002.
transfer-license_button = { $mark } { $number } · { $product } · { $workplaces ->
        [one] { $workplaces } workplace
       *[other] { $workplaces } workplaces
    }
transfer-done_button = Done (chosen: { $count })
transfer-chosen = Chosen: { $items }
transfer-choose_one_license = Mark at least one license.
transfer-not_your_license_button = This license is not among yours. Nothing has changed.
transfer-not_your_licenses = Not among your licenses: { $numbers }. Check the numbers. Nothing has changed.
transfer-no_licenses = No licenses are registered to you, so a transfer cannot be requested here. Please write to a manager.
transfer-ask_product = Type the name of the program whose licenses are to be transferred.
transfer-product_hint = Type the program's name in one message, 2 to 200 characters.
transfer-ask_license_numbers = Type the numbers of all licenses involved, separated by commas, e.g. L-1001, L-1002.
transfer-license_numbers_hint = Type the license numbers separated by commas, e.g. L-1001, L-1002.
## -- workplaces

transfer-ask_workplaces = How many workplaces in total are involved? Type a number from 1 to { $max }.
transfer-workplaces_hint = Type the number of workplaces as a number, e.g. 3.
transfer-workplaces_button = { $count } (as in the chosen licenses)
## -- keys

transfer-ask_keys = Mark the keys and protection modules involved (the ones the licenses move from and to), or type their numbers separated by commas. Then press "Done".
transfer-keys_hint = Press a key button or type key numbers separated by commas, e.g. 3-1234567.
transfer-key_button = { $mark } { $serial } · { $kind }
transfer-kind_codemeter = CodeMeter key
transfer-kind_module = protection module
transfer-choose_one_key = Mark at least one key or module.
transfer-not_your_key_button = This key is not among yours. Nothing has changed.
transfer-not_your_keys = Not among your keys: { $numbers }. Check the numbers. Nothing has changed.
transfer-no_keys = No keys or modules are registered to you, so a transfer cannot be requested here. Please write to a manager.
transfer-key_not_in_service = A key reported lost, stolen or broken (or already replaced) takes no part in a transfer: { $numbers }. The licenses of such a key are moved to a new one by the replacement request (menu item "Key lost, stolen or broken"). Nothing has changed.
transfer-no_usable_keys = All your keys are reported lost, stolen or broken, so a transfer cannot be arranged here: the licenses of such a key are moved to a new one by the replacement request (menu item "Key lost, stolen or broken"). Write to a manager if you need something else.
transfer-ask_key_numbers = Type the numbers of all keys and protection modules involved, separated by commas.
transfer-key_numbers_hint = Type the key numbers separated by commas, e.g. 3-1234567, M-100200.
## -- the redistribution order

transfer-ask_order_required = Describe the redistribution order: how many workplaces of which licenses should end up on each key.
transfer-ask_order = If workplaces are to be redistributed, describe the order; if not, press "Not needed".
transfer-order_hint = Describe the order in one message, 2 to 1000 characters.
transfer-no_order = Not needed
## -- modules

transfer-ask_modules = Will any protection modules be returned? The vendor's representative decides whether a return is accepted; returned modules are replaced with new ones.
transfer-modules_hint = Press "Yes" or "No".
transfer-yes = Yes, we will return modules
transfer-no = No
## -- the letter's checklist

transfer-filed_waiting = Request #{ $number } has been created and is waiting for documents.
transfer-checklist_title = The letter on your company's official letterhead requesting the operation ({ $operation }) must contain:
transfer-checklist_licenses = • the software name and the numbers of all licenses involved: { $product }; { $licenses };
transfer-checklist_workplaces = • the number of workplaces: { $count };
transfer-checklist_keys = • the key/protection module numbers: { $keys };
transfer-checklist_order = • the order of redistributing workplaces: { $order };
transfer-checklist_no_old_files = • a guarantee not to use the license files issued earlier;
transfer-checklist_modules = • a guarantee to return the protection modules.
## -- documents

transfer-ask_letter = Send the scan of this letter as a file ({ $types }, up to { $max_mb } MB).
transfer-letter_hint = I need a file: the scan of the letter. Send it as a document or a photo.
transfer-ask_license_files =
    Now send the license files involved, one per message ({ $types }, up to { $max_mb } MB).
    Files received: { $count }. When all are sent, press "That's all".
transfer-license_files_hint = Send a license file or press "That's all".
transfer-files_done = That's all
transfer-need_license_file = Send at least one license file.
transfer-later = I'll send them later
transfer-later_text = All right. Request #{ $number } is waiting for the documents; I will remind you in { $days ->
        [one] { $days } day
       *[other] { $days } days
    }. Continue with the button below or the menu item "Transfer or merge licenses".
transfer-one_at_a_time = Please send one file per message. Nothing has been saved.
transfer-file_received = Received: { $document } ({ $name }).
transfer-document_letter = the letter on company letterhead
transfer-document_license_file = a license file
transfer-document_license_files = license files
transfer-confirmation = the "That's all" confirmation
transfer-request_closed = This request is already closed; nothing has been saved. Start again from the menu if needed.
transfer-filed = Documents received. Request #{ $number } has been passed to the managers: they will carry out the operation and send the new license files.
transfer-filed_with_modules = Documents received. Request #{ $number } has been passed to the managers. The vendor's representative decides on the return of the modules; the answer will come here. If approved, the returned modules are replaced with new ones.
## -- coming back

transfer-resume_title = You have unfinished license transfer requests:
transfer-resume_line = • #{ $number } ({ $licenses }): still missing — { $missing }
transfer-resume_hint = Press a button: continue a request or start a new one.
transfer-continue_button = Continue request #{ $number }
transfer-new_request = New request
transfer-nothing_to_continue = Request #{ $number } is not waiting for documents from you.
## -- the managers' card

transfer-card_operation = Operation: { $operation }
transfer-card_product = Software: { $product }
transfer-card_licenses = Licenses: { $licenses }
transfer-card_workplaces = Workplaces: { $count }
transfer-card_keys = Keys/modules: { $keys }
transfer-card_order = Redistribution order: { $order }
transfer-card_order_none = Redistribution order: not needed
transfer-card_unverified_items = Numbers as typed by the sender, NOT checked.
transfer-card_modules_no = Module return: no
transfer-card_modules_yes = Module return: yes (decision once the documents are in)
transfer-card_modules_pending = Module return: yes — decision needed (buttons below)
transfer-card_modules_approved = Module return: approved ({ $manager }, { $when }), new modules in exchange
transfer-card_modules_rejected = Module return: rejected ({ $manager }): { $reason }
transfer-card_documents = Documents: { $state }
transfer-card_docs_awaited = awaited from the customer
transfer-card_docs_received = received
