## desk_actions

desk_actions-use_buttons = Use the buttons under the request cards: take, reply, done, reject.
desk_actions-not_found = Request #{ $number } not found. Nothing has changed.
desk_actions-closed = Request #{ $number } is already { $status }: { $who }, { $when }. Nothing has changed.
desk_actions-taken = Request #{ $number } is yours now, status “in work”. The customer has been told.
desk_actions-already_yours = You are already handling request #{ $number }.
desk_actions-taken_by_other = Request #{ $number } is already handled by { $manager }. Nothing has changed.
desk_actions-no_customer_chat = Request #{ $number } has no customer chat to write to.
desk_actions-ask_reply = Write your answer to request #{ $number }: your next message goes to the customer. /cancel — send nothing.
desk_actions-reply_hint = Send the answer as a text message, or /cancel.
desk_actions-reply_sent = The answer to request #{ $number } has been sent to the customer.
desk_actions-ask_reason = Why is request #{ $number } rejected? Write the reason: the customer will see it. /cancel — do not reject.
desk_actions-reject_reason_hint = Send the reason as a text message, or /cancel.
desk_actions-rejected = Request #{ $number } is rejected; the customer has been told the reason.
desk_actions-done = Request #{ $number } is done; the customer has been told and asked to rate it.
desk_actions-someone_else_writing = { $manager } is writing the answer to request #{ $number } in this chat; your message was not sent.
desk_actions-actor_customer = the customer
desk_actions-actor_system = the bot
desk_actions-customer_in_work = Your request #{ $number } has been taken into work. A manager will write to you here.
desk_actions-customer_answer =
    Manager's answer to request #{ $number }:
    { $text }
desk_actions-customer_answer_named =
    Answer on request #{ $number } from { $manager }, manager:
    { $text }
desk_actions-customer_done = Your request #{ $number } is done. Thank you for contacting us!
desk_actions-customer_rejected =
    Your request #{ $number } has been rejected.
    Reason: { $reason }
