## desk

desk-verified = verified
desk-unverified = NOT verified
desk-card_header = Request #{ $number }: { $kind } — { $status }
desk-card_customer = Customer: { $customer } ({ $verified })
desk-who_customer = { $name }, { $phone }
desk-who_customer_company = { $name } ({ $company }), { $phone }
desk-who_account = { $name } ({ $messenger })
desk-who_unnamed = no name
desk-card_amount = Amount: { $amount }
desk-card_due = Contact: { $when }
desk-card_attachments = Files ({ $count }): { $names }
desk-card_manager = Handled by: { $manager }
desk-kind_renewal = support renewal invoice
desk-kind_question = question for a manager
desk-kind_key_loss = lost, stolen or broken key
desk-kind_transfer = license transfer
desk-kind_booking = remote session
desk-kind_callback = call back
desk-kind_link = account linking
desk-kind_protection_order = additional protection order
desk-kind_protection_cancel = additional protection cancellation
desk-status_new = new
desk-status_in_work = in work
desk-status_waiting_documents = waiting for documents
desk-status_waiting_customer = waiting for the customer
desk-status_done = done
desk-status_rejected = rejected
desk-status_cancelled = cancelled
desk-take = Take
desk-reply = Reply
desk-done = Done
desk-reject = Reject
desk-escalation = ⏰ Request #{ $number } ({ $kind }) has waited longer than promised: { $minutes ->
        [one] { $minutes } working minute
       *[other] { $minutes } working minutes
    } without an answer. Please take it.
desk-escalation_again = ⏰ Request #{ $number } ({ $kind }) is still without an answer: { $minutes ->
        [one] { $minutes } working minute
       *[other] { $minutes } working minutes
    }, twice the promised time.
