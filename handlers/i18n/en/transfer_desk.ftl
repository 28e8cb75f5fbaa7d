## transfer_desk

transfer_desk-use_buttons = The module return is decided with the buttons on the request's card.
transfer_desk-approve = Approve module return
transfer_desk-reject = Reject module return
transfer_desk-not_found = There is no transfer request #{ $number }. Nothing has changed.
transfer_desk-closed = Request #{ $number } is already { $status }. Nothing has changed.
transfer_desk-already_decided = Request #{ $number } is already decided: module return { $decision } ({ $manager }). Nothing has changed.
transfer_desk-no_return_asked = Request #{ $number } does not need a module return decision now. Nothing has changed.
transfer_desk-decision_approved = approved
transfer_desk-decision_rejected = rejected
transfer_desk-choose_reason = Why reject the module return of request #{ $number }? Choose the reason; the customer will see it.
transfer_desk-reason_not_needed = Return not needed
transfer_desk-reason_no_guarantee = No return guarantee in the letter
transfer_desk-reason_not_agreed = Not agreed by the vendor
transfer_desk-reason_not_needed_customer = a return of modules is not needed; the operation will be done on your current modules
transfer_desk-reason_no_guarantee_customer = the letter has no guarantee to return the modules; please send a corrected letter to the manager
transfer_desk-reason_not_agreed_customer = the vendor's representative has not agreed to the return of the modules
transfer_desk-customer_approved = Request #{ $number }: the return of the protection modules is approved; you will receive new modules in place of the returned ones. A manager will tell you how to send the modules.
transfer_desk-customer_rejected = Request #{ $number }: the return of the protection modules is not approved: { $reason }. A manager will contact you about the next steps.
transfer_desk-recorded_told = Recorded: module return for request #{ $number } { $decision }. The customer has been told.
transfer_desk-recorded_untold = Recorded: module return for request #{ $number } { $decision }. There is no chat to tell the customer in.
