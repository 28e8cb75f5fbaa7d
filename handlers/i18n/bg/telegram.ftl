## telegram

telegram-share_phone = 📱 Изпрати моя телефонен номер
telegram-choose_below = Или изберете:
telegram-file_too_big = Файлът „{ $name }“ е по-голям от 20 MB: Telegram не предава толкова големи файлове на ботове. Моля, изпратете го на { -support-email }. Нищо не е запазено.
telegram-failed = Съжаляваме, съобщението Ви не можа да бъде обработено. Мениджърите са уведомени; моля, пишете отново малко по-късно.
telegram-set_aside = Обновление на Telegram { $update } (чат { $chat }) не бе обработено след { $tries ->
        [one] { $tries } опит
       *[other] { $tries } опита
    } и е отложено: { $error }
telegram-topic_title = №{ $number } { $kind } · { $customer } · { $status }
telegram-command_start = Започни отначало
telegram-command_menu = Главно меню
telegram-command_help = Какво може ботът
telegram-command_cancel = Прекъсни текущия разговор
telegram-command_language = Смяна на езика
telegram-command_mydata = Какви мои данни пази ботът
telegram-command_forget = Оттегли съгласието и изтрий данните ми
telegram-command_invite = Линк-покана за клиент
telegram-command_open = Отворени заявки
telegram-command_request = Заявка по номер
telegram-command_find = Намери клиент
telegram-command_stats = Статистика
telegram-command_export = Експорт на заявките (CSV)
telegram-command_web = Вход в уеб пулта на мениджърите
telegram-command_announce = Обявление към клиентите
telegram-command_announcements = Обявления: да ги получавам или не
telegram-command_minutes = Въведи минутите на сесия
telegram-command_block = Блокиране на подателя на заявка
telegram-command_unblock = Отблокиране на подателя на заявка
telegram-command_blocked = Блокираните и техните съобщения
telegram-command_other = Команда { $command }
