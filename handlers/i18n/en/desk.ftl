## desk

desk-verified = verified
desk-unverified = NOT verified
desk-card_header = Request #{ $number }: { $kind } — { $status }
desk-card_customer = Customer: { $customer } ({ $verified })
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
