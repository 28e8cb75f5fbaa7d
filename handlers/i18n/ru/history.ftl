## history
## What the bot notes in a request's history (request_events.note_line), shown by
## /request N in the manager's language; the actors of the history.

history-rating = оценка { $rating }/5
history-booking_cancelled = запись отменена клиентом
history-booking_cancelled_by_manager = запись отменена менеджером
history-booking_change_asked = попросил менеджера изменить запись
history-booking_moved = запись перенесена с { $old } на { $new }
history-module_return_approved = возврат модулей одобрен
history-module_return_rejected = возврат модулей отклонён: { $reason }
history-session_billed = консультация проведена: затрачено { $minutes ->
        [one] { $minutes } минута
        [few] { $minutes } минуты
       *[many] { $minutes } минут
    }, к оплате { $billed ->
        [one] { $billed } минута
        [few] { $billed } минуты
       *[many] { $billed } минут
    }; время { $time }, плата за подключение { $fee }, итого { $total }
history-linked = привязан к клиенту №{ $customer }
history-file_refused = файл не принят — по содержимому это не { $format }
history-vk_not_delivered = ВКонтакте: не доставлено ({ $error })
history-actor_manager = { $name } ({ $messenger })
history-messenger_telegram = Telegram
history-messenger_vk = ВКонтакте
history-messenger_console = консоль
history-messenger_web = веб-пульт
