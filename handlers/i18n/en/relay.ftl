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
