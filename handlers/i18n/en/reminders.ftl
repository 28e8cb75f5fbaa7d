## Messages of the scheduler (support-expiry, session and document reminders, the monthly

## key run) and of the reminder settings (/reminders, mute and unmute buttons).

## reminders

reminders-before_end = Technical support for { $product } (license { $number }) ends on { $date }.
reminders-after_end = Technical support for { $product } (license { $number }) ended on { $date }. The preferential renewal price holds until { $until } inclusive.
reminders-before_preferential_end = The preferential price for renewing technical support for { $product } (license { $number }) ends on { $until }. After that the standard price applies.
reminders-protection = Technical support for { $product } (license { $number }) ended on { $date }. Pay the renewal by { $deadline }, or the additional protection service of your key { $serial } is lost: connecting it again costs { $price }.
reminders-quote_preferential = Renewal for { $months ->
        [one] { $months } month
       *[other] { $months } months
    } if paid today: { $amount } (preferential price, { $percent } of the product price). Support will then be valid until { $new_end }.
reminders-quote_standard = Renewal for { $months ->
        [one] { $months } month
       *[other] { $months } months
    } if paid today: { $amount } (standard price, { $percent } of the product price). Support will then be valid until { $new_end }.
reminders-mute_hint = Don't need these reminders? Turn them off with the button below.
reminders-button_renew = Renew support
reminders-button_manager = Contact a manager
reminders-button_mute = Mute reminders
reminders-button_unmute = Turn reminders on
reminders-muted = Support expiry reminders are off in this chat. Turn them back on any time with /reminders.
reminders-unmuted = Support expiry reminders are on again in this chat.
reminders-status_on = Support expiry reminders are on in this chat.
reminders-status_off = Support expiry reminders are off in this chat.
reminders-session_day_before = Reminder: your remote session ({ $kind }) is tomorrow, { $date } at { $time } ({ $zone }), booked for { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }.
reminders-session_hours_before = Reminder: your remote session ({ $kind }) starts today at { $time } ({ $zone }).
reminders-session_kind_backup = backup review
reminders-session_kind_direct = direct connection
reminders-session_backup_advice = Before the session make a backup with the program's own tool: the connection can drop. A firewall or antivirus may block the connection.
reminders-session_review_advice = If you have not sent the backup yet, send it as a file in this chat or to { -support-email }. The consultant will look at the data and answer by phone or send back a corrected backup.
reminders-documents_waiting = Request #{ $number } is still waiting for your documents. Send the scans ({ $types }) in this chat: the request continues as soon as they are here.
reminders-keyrun_title = Monthly prolongation of the additional key protection service ({ $date }):
reminders-keyrun_prolonged = • key { $serial }: prolonged, works until { $until }.
reminders-keyrun_support_ended = • key { $serial }: not prolonged, technical support ended on { $end }. Renew support by { $deadline } to keep the protection service.
reminders-keyrun_no_license = • key { $serial }: not prolonged, no license with technical support is bound to it.
reminders-keyrun_disconnected = • key { $serial }: the protection service is disconnected, support was not renewed by { $deadline }. Connecting it again costs { $price }.
reminders-keyrun_excluded = • key { $serial }: not prolonged, it is marked as { $status }.
reminders-key_status_lost = lost
reminders-key_status_stolen = stolen
reminders-key_status_broken = broken
reminders-key_status_found = found (usable only as a carrier for new licenses)
reminders-key_status_replaced = replaced
reminders-keyrun_summary =
    Monthly key run, { $month } (run date { $date }):
    • prolonged until { $until }: { $prolonged }
    • left out, support ended: { $left_out }
    • protection service disconnected: { $disconnected }
    • left out by status (lost, stolen, broken…): { $excluded }
    Batch file for the key operator (rows: { $count }): { $path }
reminders-task_card_license = License { $number } ({ $product }), support until { $date }
reminders-task_card_reason = A support expiry reminder could not be delivered ({ $channels }): please call the customer.
