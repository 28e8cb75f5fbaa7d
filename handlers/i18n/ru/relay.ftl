## relay

relay-reply = Ответить
relay-how_to = Чтобы написать по открытой заявке, нажмите «Ответить» под ответом менеджера или просто пришлите сообщение.
relay-ask_message = Напишите сообщение по заявке №{ $number }: текст или файл. /cancel — ничего не отправлять.
relay-message_hint = Пришлите текст или файл, или /cancel.
relay-sent = Ваше сообщение передано менеджерам (заявка №{ $number }). Ответ придёт сюда.
relay-pick = У вас несколько открытых заявок. К какой относится сообщение? Оно уйдёт, когда вы выберете.
relay-pick_button = №{ $number }: { $kind } ({ $status })
relay-pick_hint = Нажмите кнопку заявки или вернитесь в главное меню (сообщение не будет отправлено).
relay-not_yours = Это не ваша заявка. Ничего не отправлено.
relay-closed = Заявка №{ $number } уже закрыта, сообщение не отправлено. Новый вопрос можно задать через меню.
relay-to_managers = Сообщение клиента по заявке №{ $number } ({ $who }):
relay-files_line = Файлы ({ $count }): { $names }
relay-joined = Сообщение добавлено в заявку №{ $number }.
relay-reopened = Заявка №{ $number } снова открыта, сообщение добавлено в неё.
relay-question_filed = Ваш вопрос передан менеджерам: заявка №{ $number }.
relay-question_filed_follows = Ваш вопрос передан менеджерам: заявка №{ $number }, продолжение заявки №{ $previous }.
# $day: «сегодня», «завтра» or «в понедельник, 07.12.2026,» (callback-today … callback-on_day).
relay-expect_by = Ответ придёт сюда { $day } до { $time }.
relay-expect_after_hours = Рабочий день закончился: ответ придёт сюда { $day } до { $time }.
relay-callback_offer = Удобнее по телефону — оставьте номер, мы перезвоним.
relay-split = Это новый вопрос
relay-split_done = Сообщение вынесено в новую заявку №{ $number }.
relay-split_stale = Это сообщение уже нельзя вынести в новую заявку.
relay-pick_new = Это новый вопрос
relay-card_follows = Продолжение заявки №{ $number }
relay-card_split_from = Вынесено клиентом из заявки №{ $number }
relay-note_split = Клиент вынес сообщение в новую заявку №{ $number }
relay-offer = Похоже, вам нужен раздел «{ $flow }». Откройте его кнопкой, или я передам сообщение менеджеру.
relay-send_to_manager = Отправить менеджеру
relay-offer_hint = Нажмите кнопку раздела или «Отправить менеджеру».
relay-flood_to_managers = Заявка №{ $number }: { $who } пишет больше { $limit ->
        [one] { $limit } сообщения
        [few] { $limit } сообщений
       *[many] { $limit } сообщений
    } в минуту. Это и следующие сообщения этой серии сохраняются в истории заявки без отдельного уведомления о каждом: /request { $number }.
relay-flood_notice = Спасибо, все ваши сообщения сохранены в заявке №{ $number }: менеджеры прочитают их вместе, повторять ничего не нужно.
relay-to_managers_many = Сообщения клиента по заявке №{ $number } ({ $who }): { $count ->
        [one] { $count } новое
        [few] { $count } новых
       *[many] { $count } новых
    }, все они в истории заявки: /request { $number }. Последние:
relay-notice_latest = { $count ->
        [one] { $count } новое сообщение
        [few] { $count } новых сообщения
       *[many] { $count } новых сообщений
    }, все они в истории заявки. Последние:
