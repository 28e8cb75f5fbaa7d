## /announce в чате менеджеров: составление объявления, получатели, предпросмотр, пробная
## отправка, рассылка, ход рассылки (/announce status) и итоговый отчёт.

## announce

announce-title = Новое объявление
announce-text_line = • Текст, { $language }: { $excerpt }
announce-no_texts = • Текста пока нет: напишите его на каждом языке кнопками ниже.
announce-fallback_line = • Чаты на языке без текста получат текст на языке: { $language }.
announce-fallback_none = • Чаты на языке без текста ничего не получат.
announce-button_line_none = • Кнопка: нет (только «Не присылать объявления»).
announce-button_line_renew = • Кнопка: «Продлить поддержку» (открывает расчёт по лицензии клиента).
announce-button_line_manager = • Кнопка: «Связаться с менеджером».
announce-filters_title = Кому:
announce-any = все
announce-platform_telegram = Telegram
announce-platform_vk = ВКонтакте
announce-filter_platform = • Мессенджер: { $value }
announce-filter_language = • Язык чата: { $value }
announce-filter_linked = • Только привязанные клиенты: { $value }
announce-linked_yes = да
announce-linked_no = нет
announce-filter_product = • Продукт: { $value }
announce-filter_support = • Поддержка: { $value }
announce-support_any = любая
announce-support_active = действует
announce-support_ends_within = заканчивается в ближайшие { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }
announce-support_lapsed = закончилась
announce-support_lapsed_over = закончилась более { $days } { $days ->
        [one] дня
        [few] дней
       *[many] дней
    } назад
announce-filter_protection = • Услуга защиты: { $value }
announce-protection_any = неважно
announce-protection_yes = подключена
announce-protection_no = не подключена
announce-counts_title = Получатели по фильтрам:
announce-stage_reachable = • чаты, получающие объявления: { $count }
announce-stage_platform = • в мессенджере: { $count }
announce-stage_language = • на языке: { $count }
announce-stage_linked = • привязаны к клиенту: { $count }
announce-stage_product = • с продуктом: { $count }
announce-stage_support = • с таким состоянием поддержки: { $count }
announce-stage_protection = • с такой услугой защиты: { $count }
announce-opted_out = Отказались от объявлений (не учитываются): { $count }
announce-language_count = { $language } { $count }
announce-by_language = По языкам: { $values }
announce-left_out = Нет текста на их языке и не выбран запасной язык, ничего не получат: { $count }
announce-recipients = Получат: { $count }
announce-edit_text = ✎ { $language }
announce-edit_text_done = ✓ { $language }
announce-change_fallback = Запасной язык
announce-change_button = Кнопка
announce-change_platform = Мессенджер
announce-change_language = Язык
announce-change_linked = Только привязанные
announce-change_product = Продукт
announce-change_support = Поддержка
announce-change_protection = Защита
announce-change_days = Дней: { $days }
announce-preview = Предпросмотр
announce-test_send = Прислать мне
announce-send = Отправить…
announce-cancel = Отмена
announce-cancelled = Объявление не отправлено, черновик удалён.
announce-preview_button = Это предпросмотр: у клиента кнопки в настоящем сообщении работают.
announce-ask_text = Пришлите текст объявления на языке «{ $language }» одним сообщением.
announce-text_hint = Пришлите текст одним сообщением или /cancel.
announce-ask_days = Сколько дней? Пришлите число (сейчас { $days }).
announce-days_hint = Пришлите число дней от 1 до 3660 или /cancel.
announce-compose_hint = Пользуйтесь кнопками под черновиком или /cancel.
announce-no_texts_yet = Сначала напишите хотя бы один текст.
announce-preview_title = Так увидит клиент, чей язык — { $language }:
announce-test_sent = Отправлено в ваш личный чат с ботом (если вы его не начинали, сообщение до вас не дойдёт).
announce-nobody = Никто не получит объявление: измените фильтры или тексты.
announce-confirm = Отправить объявление сейчас? Получателей: { $count }.
announce-confirm_hint = Нажмите «Отправить сейчас» или «Назад».
announce-send_now = Отправить сейчас
announce-back = Назад
announce-queued = Объявление №{ $number } поставлено в очередь, получателей: { $count }. Оно уходит в пределах ограничений мессенджеров, после ответов клиентам. Ход рассылки: /announce status
announce-status_none = Объявлений ещё не было.
announce-status_title = Последние объявления:
announce-status_line = №{ $number } от { $when }: получателей { $recipients }, доставлено { $delivered }, заблокировали бота { $blocked }, не удалось { $failed }, ещё в очереди { $waiting }, нажали кнопку { $pressed }
announce-report = Объявление №{ $number } разослано. Получателей: { $recipients }; доставлено: { $delivered }; заблокировали бота: { $blocked }; не удалось: { $failed }; нажали кнопку: { $pressed }; ничего не получили (нет текста на их языке): { $left_out }.
