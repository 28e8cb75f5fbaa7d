## telegram

telegram-share_phone = 📱 Share my phone number
telegram-choose_below = Or choose:
telegram-file_too_big = “{ $name }” is larger than 20 MB: Telegram does not let bots receive files that large. Please send it to { -support-email } instead. Nothing was saved.
telegram-failed = Sorry, I could not process your message. The managers have been told; please write again a little later.
telegram-set_aside = Telegram update { $update } (chat { $chat }) failed { $tries ->
        [one] { $tries } time
       *[other] { $tries } times
    } and was set aside: { $error }
telegram-topic_title = #{ $number } { $kind } · { $customer } · { $status }
telegram-command_start = Start over
telegram-command_menu = Main menu
telegram-command_help = What the bot can do
telegram-command_cancel = Stop the current conversation
telegram-command_language = Change the language
telegram-command_mydata = What the bot stores about me
telegram-command_forget = Withdraw consent and erase my data
telegram-command_invite = Invitation link for a customer
telegram-command_open = Open requests
telegram-command_request = A request by its number
telegram-command_find = Find a customer
telegram-command_stats = Statistics
telegram-command_export = Export requests (CSV)
telegram-command_web = Sign in to the managers' web desk
telegram-command_announce = Announcement to customers
telegram-command_announcements = Announcements: receive them or not
telegram-command_minutes = Enter the minutes of a session
telegram-command_block = Block the person of a request
telegram-command_unblock = Unblock the person of a request
telegram-command_blocked = Blocked people and their messages
telegram-command_other = Command { $command }
