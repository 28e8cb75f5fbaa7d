## relay

relay-reply = Reply
relay-how_to = To write about an open request, press “Reply” under the manager's answer, or simply send your message.
relay-ask_message = Write your message about request #{ $number }: text or a file. /cancel — send nothing.
relay-message_hint = Send a text message or a file, or /cancel.
relay-sent = Your message has been passed to the managers (request #{ $number }). The answer will come here.
relay-pick = You have several open requests. Which one is this message about? It will be sent after you choose.
relay-pick_button = #{ $number }: { $kind } ({ $status })
relay-pick_hint = Press the button of the request, or go to the main menu (the message will not be sent).
relay-not_yours = This request is not among yours. Nothing has been sent.
relay-closed = Request #{ $number } is already closed, the message was not sent. For a new question choose it in the menu.
relay-to_managers = Customer's message on request #{ $number } ({ $who }):
relay-files_line = Files ({ $count }): { $names }
relay-joined = Your message was added to request #{ $number }.
relay-reopened = Request #{ $number } is open again, and your message was added to it.
relay-question_filed = Your question went to the managers: request #{ $number }.
relay-question_filed_follows = Your question went to the managers: request #{ $number }, following request #{ $previous }.
# $day: "today", "tomorrow" or "on Monday, 7 Dec 2026," (callback-today … callback-on_day).
relay-expect_by = The answer will come here { $day } by { $time }.
relay-expect_after_hours = Our working day is over: the answer will come here { $day } by { $time }.
relay-callback_offer = If a call suits you better, leave your number and we will call you back.
relay-split = This is a new question
relay-split_done = Your message was moved to a new request #{ $number }.
relay-split_stale = This message can no longer be moved to a new request.
relay-pick_new = This is a new question
relay-card_follows = Follows request #{ $number }
relay-card_split_from = Moved by the customer out of request #{ $number }
relay-note_split = The customer moved their message to a new request #{ $number }
relay-offer = It looks like you need “{ $flow }”. Open it with the button, or I will pass your message to a manager.
relay-send_to_manager = Send to a manager
relay-offer_hint = Press the button of the section, or “Send to a manager”.
relay-flood_to_managers = Request #{ $number }: { $who } is writing more than { $limit ->
        [one] { $limit } message
       *[other] { $limit } messages
    } a minute. This message and the next ones of this burst are kept in the request's history without a notice for each: /request { $number }.
relay-flood_notice = Thank you, every message is kept with request #{ $number }: the managers will read them together, there is no need to repeat anything.
relay-to_managers_many = Customer's messages on request #{ $number } ({ $who }): { $count ->
        [one] { $count } new
       *[other] { $count } new
    }, all of them in the request's history: /request { $number }. The latest:
relay-notice_latest = { $count ->
        [one] { $count } new message
       *[other] { $count } new messages
    }, all of them in the request's history. The latest:
