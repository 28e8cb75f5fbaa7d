## blocking

blocking-block_usage = Укажите номер заявки и причину: /block N причина. Ничего не изменилось.
blocking-unblock_usage = Укажите номер заявки: /unblock N. Ничего не изменилось.
blocking-blocked_usage = /blocked — список заблокированных; /blocked N — что писал автор заявки N, пока был заблокирован.
blocking-not_found = Заявка №{ $number } не найдена, или неизвестно, кто её подал. Ничего не изменилось.
blocking-reason_missing = Укажите причину после номера: /block { $number } причина. Ничего не изменилось.
blocking-reason_too_long = Причина слишком длинная: не больше { $count ->
        [one] { $count } символа
        [few] { $count } символов
       *[many] { $count } символов
    }. Ничего не изменилось.
blocking-blocked = { $who } (заявка №{ $number }) заблокирован(а): сообщения больше не приходят менеджерам и сохраняются в /blocked. Человеку сообщили об этом один раз; блокировку и её причину он видит в /mydata.
blocking-still_open = { $count ->
    [one] Открытой остаётся заявка { $numbers }: закройте её на карточке («Готово» или «Отклонить» с причиной) или через /request.
    [few] Открытыми остаются заявки { $numbers }: закройте их на карточках («Готово» или «Отклонить» с причиной) или через /request.
   *[many] Открытыми остаются заявки { $numbers }: закройте их на карточках («Готово» или «Отклонить» с причиной) или через /request.
}
blocking-already = { $who } (заявка №{ $number }) заблокирован(а) с { $when }. Ничего не изменилось.
blocking-not_blocked = { $who } (заявка №{ $number }) не заблокирован(а). Ничего не изменилось.
blocking-unblocked = { $who } (заявка №{ $number }) разблокирован(а): сообщения снова приходят менеджерам. За время блокировки { $count ->
        [one] написано { $count } сообщение
        [few] написано { $count } сообщения
       *[many] написано { $count } сообщений
    } (/blocked { $number }).
blocking-notice = Ваши сообщения в этом чате больше не передаются менеджерам. Если вы считаете, что это ошибка, пожалуйста, свяжитесь с компанией по другим каналам. Что о вас хранится, показывает /mydata.
blocking-unblocked_notice = Ваши сообщения в этом чате снова передаются менеджерам. Спасибо за терпение.
blocking-list_title = Заблокировано: { $count ->
        [one] { $count } человек
        [few] { $count } человека
       *[many] { $count } человек
    }
blocking-list_line = • №{ $number } { $who }: с { $when } ({ $manager }), причина: { $reason }; с тех пор { $count ->
        [one] { $count } сообщение
        [few] { $count } сообщения
       *[many] { $count } сообщений
    }
blocking-list_more = …и ещё { $count }
blocking-list_hint = /blocked N — сообщения; /unblock N — разблокировать.
blocking-list_none = Заблокированных нет.
blocking-never_blocked = { $who } (заявка №{ $number }) никогда не был(а) заблокирован(а).
blocking-messages_none = { $who } (заявка №{ $number }) ничего не писал(а), пока был(а) заблокирован(а).
blocking-messages_title = Что писал(а) { $who } (заявка №{ $number }), пока был(а) заблокирован(а): { $count ->
        [one] { $count } сообщение
        [few] { $count } сообщения
       *[many] { $count } сообщений
    }
blocking-messages_more = …ещё { $count } ранее не показаны
blocking-message_line = { $when }: { $text }
blocking-message_files = { $when }: { $text } (файлы: { $names })
blocking-card_line = ⛔ Заблокирован(а) с { $when } ({ $manager }): { $reason }. Сообщения уходят в /blocked.
blocking-find_line = ⛔ { $who } заблокирован(а) с { $when }: { $reason }
blocking-mydata_line = • Ваши сообщения в этом чате не передаются менеджерам с { $when }; указанная причина: { $reason }
