## history
## What the bot notes in a request's history (request_events.note_line), shown by
## /request N in the manager's language; the actors of the history.

history-rating = rating { $rating }/5
history-booking_cancelled = booking cancelled by the customer
history-booking_cancelled_by_manager = booking cancelled by a manager
history-booking_change_asked = asked a manager to change the booking
history-booking_moved = booking moved from { $old } to { $new }
history-module_return_approved = module return approved
history-module_return_rejected = module return rejected: { $reason }
history-session_billed = session held: { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } spent, { $billed ->
        [one] { $billed } minute
       *[other] { $billed } minutes
    } billed; time { $time }, connection fee { $fee }, total { $total }
history-linked = linked to customer #{ $customer }
history-file_refused = file refused: its content is not { $format }
history-vk_not_delivered = VK: not delivered ({ $error })
history-actor_manager = { $name } ({ $messenger })
history-messenger_telegram = Telegram
history-messenger_vk = VK
history-messenger_console = console
history-messenger_web = web desk
