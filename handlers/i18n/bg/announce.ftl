## /announce в чата на мениджърите: съставяне на обявление, получатели, преглед, пробно
## изпращане, разпращане, ход (/announce status) и окончателен отчет.

## announce

announce-title = Ново обявление
announce-text_line = • Текст, { $language }: { $excerpt }
announce-no_texts = • Още няма текст: напишете го на всеки език с бутоните по-долу.
announce-fallback_line = • Чатовете на език без текст получават текста на { $language }.
announce-fallback_none = • Чатовете на език без текст не получават нищо.
announce-button_line_none = • Бутон: няма (само „Без обявления“).
announce-button_line_renew = • Бутон: „Поднови поддръжката“ (отваря изчислението за лиценза на клиента).
announce-button_line_manager = • Бутон: „Свържи се с мениджър“.
announce-filters_title = До кого:
announce-any = всички
announce-platform_telegram = Telegram
announce-platform_vk = VK
announce-filter_platform = • Месинджър: { $value }
announce-filter_language = • Език на чата: { $value }
announce-filter_linked = • Само свързани клиенти: { $value }
announce-linked_yes = да
announce-linked_no = не
announce-filter_product = • Продукт: { $value }
announce-filter_support = • Поддръжка: { $value }
announce-support_any = всякаква
announce-support_active = действаща
announce-support_ends_within = изтича до { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    }
announce-support_lapsed = изтекла
announce-support_lapsed_over = изтекла преди повече от { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    }
announce-filter_protection = • Услуга за защита: { $value }
announce-protection_any = без значение
announce-protection_yes = включена
announce-protection_no = невключена
announce-counts_title = Получатели по филтри:
announce-stage_reachable = • чатове, които получават обявления: { $count }
announce-stage_platform = • в месинджъра: { $count }
announce-stage_language = • на езика: { $count }
announce-stage_linked = • свързани с клиент: { $count }
announce-stage_product = • с продукта: { $count }
announce-stage_support = • с това състояние на поддръжката: { $count }
announce-stage_protection = • с тази услуга за защита: { $count }
announce-opted_out = Отказали обявления (не се броят): { $count }
announce-language_count = { $language } { $count }
announce-by_language = По езици: { $values }
announce-left_out = Няма текст на техния език и резервен език, няма да получат нищо: { $count }
announce-recipients = Ще го получат: { $count }
announce-edit_text = ✎ { $language }
announce-edit_text_done = ✓ { $language }
announce-change_fallback = Резервен език
announce-change_button = Бутон
announce-change_platform = Месинджър
announce-change_language = Език
announce-change_linked = Само свързани
announce-change_product = Продукт
announce-change_support = Поддръжка
announce-change_protection = Защита
announce-change_days = Дни: { $days }
announce-preview = Преглед
announce-test_send = Изпрати на мен
announce-send = Изпрати…
announce-cancel = Отказ
announce-cancelled = Обявлението не е изпратено, черновата е изтрита.
announce-preview_button = Това е преглед: в истинското съобщение бутоните на клиента работят.
announce-ask_text = Изпратете текста на обявлението на { $language } в едно съобщение.
announce-text_hint = Изпратете текста в едно съобщение или /cancel.
announce-ask_days = Колко дни? Изпратете число (сега { $days }).
announce-days_hint = Изпратете брой дни от 1 до 3660 или /cancel.
announce-compose_hint = Използвайте бутоните под черновата или /cancel.
announce-no_texts_yet = Първо напишете поне един текст.
announce-preview_title = Така го вижда клиент, чийто език е { $language }:
announce-test_sent = Изпратено в личния Ви чат с бота (ако не сте го започвали, съобщението няма да стигне до Вас).
announce-nobody = Никой няма да го получи: променете филтрите или текстовете.
announce-confirm = Да изпратя ли обявлението сега? Получатели: { $count }.
announce-confirm_hint = Натиснете „Изпрати сега“ или „Назад“.
announce-send_now = Изпрати сега
announce-back = Назад
announce-queued = Обявление №{ $number } е на опашката, получатели: { $count }. То тръгва в рамките на ограниченията на месинджърите, след отговорите към клиентите. Ход: /announce status
announce-status_none = Още няма изпратени обявления.
announce-status_title = Последни обявления:
announce-status_line = №{ $number } от { $when }: получатели { $recipients }, доставени { $delivered }, блокирали бота { $blocked }, неуспешни { $failed }, още на опашката { $waiting }, натиснали бутона { $pressed }
announce-report = Обявление №{ $number } е разпратено. Получатели: { $recipients }; доставени: { $delivered }; блокирали бота: { $blocked }; неуспешни: { $failed }; натиснали бутона: { $pressed }; не получиха нищо (няма текст на техния език): { $left_out }.
