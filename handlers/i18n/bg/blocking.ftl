## blocking

blocking-block_usage = Напишете номера на заявката и причината: /block N причина. Нищо не е променено.
blocking-unblock_usage = Напишете номера на заявката: /unblock N. Нищо не е променено.
blocking-blocked_usage = /blocked показва блокираните; /blocked N показва какво е писал подателят на заявка N, докато е блокиран.
blocking-not_found = Заявка №{ $number } не е намерена или не се знае кой я е подал. Нищо не е променено.
blocking-reason_missing = Напишете причината след номера: /block { $number } причина. Нищо не е променено.
blocking-reason_too_long = Причината е твърде дълга: най-много { $count ->
        [one] { $count } знак
       *[other] { $count } знака
    }. Нищо не е променено.
blocking-blocked = { $who } (заявка №{ $number }) е блокиран(а): съобщенията вече не стигат до мениджърите и се пазят в /blocked. Човекът е уведомен веднъж; в /mydata вижда блокирането и причината.
blocking-still_open = { $count ->
    [one] Заявка { $numbers } остава отворена: затворете я от картата ѝ („Готово“ или „Отхвърляне“ с причина) или чрез /request.
   *[other] Заявки { $numbers } остават отворени: затворете ги от картите им („Готово“ или „Отхвърляне“ с причина) или чрез /request.
}
blocking-already = { $who } (заявка №{ $number }) е блокиран(а) от { $when }. Нищо не е променено.
blocking-not_blocked = { $who } (заявка №{ $number }) не е блокиран(а). Нищо не е променено.
blocking-unblocked = { $who } (заявка №{ $number }) е отблокиран(а): съобщенията отново стигат до мениджърите. Докато беше блокиран(а): { $count ->
        [one] { $count } съобщение
       *[other] { $count } съобщения
    } (/blocked { $number }).
blocking-notice = Съобщенията ви в този чат вече не се предават на мениджърите. Ако смятате, че това е грешка, моля, свържете се с фирмата по другите ѝ канали. Какво се пази за вас, показва /mydata.
blocking-unblocked_notice = Съобщенията ви в този чат отново се предават на мениджърите. Благодарим за търпението.
blocking-list_title = Блокирани: { $count ->
        [one] { $count } човек
       *[other] { $count } души
    }
blocking-list_line = • №{ $number } { $who }: от { $when } ({ $manager }), причина: { $reason }; оттогава { $count ->
        [one] { $count } съобщение
       *[other] { $count } съобщения
    }
blocking-list_more = …и още { $count }
blocking-list_hint = /blocked N — съобщенията; /unblock N — отблокиране.
blocking-list_none = Няма блокирани.
blocking-never_blocked = { $who } (заявка №{ $number }) никога не е бил(а) блокиран(а).
blocking-messages_none = { $who } (заявка №{ $number }) не е писал(а) нищо, докато е блокиран(а).
blocking-messages_title = Какво е писал(а) { $who } (заявка №{ $number }), докато е блокиран(а): { $count ->
        [one] { $count } съобщение
       *[other] { $count } съобщения
    }
blocking-messages_more = …още { $count } по-ранни не са показани
blocking-message_line = { $when }: { $text }
blocking-message_files = { $when }: { $text } (файлове: { $names })
blocking-card_line = ⛔ Блокиран(а) от { $when } ({ $manager }): { $reason }. Съобщенията отиват в /blocked.
blocking-find_line = ⛔ { $who } е блокиран(а) от { $when }: { $reason }
blocking-mydata_line = • Съобщенията ви в този чат не се предават на мениджърите от { $when }; посочена причина: { $reason }
