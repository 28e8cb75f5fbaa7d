## history
## What the bot notes in a request's history (request_events.note_line), shown by
## /request N in the manager's language; the actors of the history.

history-rating = оценка { $rating }/5
history-booking_cancelled = записването е отменено от клиента
history-booking_cancelled_by_manager = записването е отменено от мениджър
history-booking_change_asked = помоли мениджър да промени записването
history-booking_moved = записването е преместено от { $old } на { $new }
history-module_return_approved = връщането на модули е одобрено
history-module_return_rejected = връщането на модули е отказано: { $reason }
history-session_billed = сесията е проведена: използвани { $minutes ->
        [one] { $minutes } минута
       *[other] { $minutes } минути
    }, за плащане { $billed ->
        [one] { $billed } минута
       *[other] { $billed } минути
    }; време { $time }, такса за свързване { $fee }, общо { $total }
history-linked = свързан с клиент №{ $customer }
history-file_refused = файлът не е приет — по съдържание не е { $format }
history-vk_not_delivered = ВКонтакте: не е доставено ({ $error })
history-actor_manager = { $name } ({ $messenger })
history-messenger_telegram = Telegram
history-messenger_vk = ВКонтакте
history-messenger_console = конзола
history-messenger_web = уеб пулт
