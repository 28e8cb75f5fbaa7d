## web_customer: the web desk's Customers search and Customer page

web_customer-nav = Клиенти
web_customer-search = Търсене на клиент
web_customer-search_hint = име, фирма, телефон, имейл, лиценз, ключ
web_customer-search_apply = Търси
web_customer-search_prompt = Въведете име, телефон, номер на лиценз или сериен номер на ключ.
web_customer-none_yet = Още няма клиенти: заредете ги на страницата „Данни“.
web_customer-search_none = Няма намерен клиент.
web_customer-column_name = Клиент
web_customer-column_company = Фирма
web_customer-column_phone = Телефон
web_customer-column_email = Имейл
web_customer-not_found = Няма такъв клиент.
web_customer-back = ← Към търсенето на клиенти
web_customer-no_name = (без име)
web_customer-of_request = Клиент:
web_customer-contacts = Контакти
web_customer-resident = Резидент на Руската федерация
web_customer-yes = да
web_customer-no = не
web_customer-language = Език
web_customer-blocked_title = Блокирани
web_customer-blocked_line = { $platform }, { $who }: блокиран(а) на { $when } от { $manager }. Причина: { $reason }
web_customer-blocked_line_unlinked = { $platform }, { $who } (не е свързан(а) с клиента, писал(а) е в негова заявка): блокиран(а) на { $when } от { $manager }. Причина: { $reason }
web_customer-blocked_badge = блокиран(а): { $reason }
web_customer-accounts = Свързани профили в месинджъри
web_customer-accounts_none = Няма свързан профил в месинджър.
web_customer-column_platform = Месинджър
web_customer-column_account_name = Име
web_customer-column_linked_by = Как е свързан
web_customer-column_since = Пише от
web_customer-column_reminders = Напомняния
web_customer-platform_telegram = Telegram
web_customer-platform_vk = VK
web_customer-platform_console = конзола
web_customer-platform_web = уеб пулт
web_customer-linked_phone = по телефон
web_customer-linked_license = по номера на лиценз и ключ
web_customer-linked_invitation = с покана от мениджър
web_customer-linked_manager = потвърдено от мениджър
web_customer-linked_demo = демо данни
web_customer-linked_other = —
web_customer-reminders_on = включени
web_customer-reminders_muted = изключени от клиента
web_customer-licenses = Лицензи
web_customer-licenses_none = Няма лицензи.
web_customer-column_license = Лиценз
web_customer-column_product = Продукт
web_customer-column_workplaces = Работни места
web_customer-column_keys = Ключове
web_customer-column_support_end = Поддръжка до
web_customer-column_support_state = Състояние
web_customer-column_quote = Подновяване днес
web_customer-support_active = активна
web_customer-support_ending = { $days ->
        [0] изтича днес
        [one] изтича след { $days } ден
       *[other] изтича след { $days } дни
    }
web_customer-support_lapsed = { $days ->
        [one] изтекла преди { $days } ден
       *[other] изтекла преди { $days } дни
    }
web_customer-quote_preferential = { $amount } по преференциалната ставка { $rate } до { $until }; поддръжка до { $new_end }
web_customer-quote_standard = { $amount } по стандартната ставка { $rate }; поддръжка до { $new_end }
web_customer-keys = Ключове
web_customer-keys_none = Няма ключове.
web_customer-column_serial = Сериен номер
web_customer-column_key_kind = Вид
web_customer-column_key_status = Статус
web_customer-column_protection = Допълнителна защита
web_customer-column_runs = Месечни обработки
web_customer-protection_connected = включена, поддръжка до { $end }
web_customer-protection_support_ended = включена, поддръжката е изтекла: запазва се при подновяване до { $deadline }
web_customer-protection_lapsed = не действа: поддръжката не е подновена навреме
web_customer-protection_not_connected = не е включена
web_customer-protection_no_licenses = на ключа няма лицензи
web_customer-protection_not_available = не е ключ CodeMeter
web_customer-protection_reported = ключът е изваден от употреба (изгубен, откраднат, повреден, намерен след загуба или заменен)
web_customer-runs_none = още няма обработки
web_customer-run_prolonged = { $when }: продължена до { $until }
web_customer-run_support_ended = { $when }: пропуснат, поддръжката е изтекла
web_customer-run_disconnected = { $when }: изключена
web_customer-run_excluded_status = { $when }: изключен, ключът е изгубен, откраднат или повреден
web_customer-run_other = { $when }: без промяна
web_customer-requests = Заявки
web_customer-requests_none = Няма заявки.
web_customer-bookings = Отдалечени консултации
web_customer-bookings_none = Няма консултации.
web_customer-column_starts = Начало
web_customer-column_session_kind = Вид
web_customer-column_hours = Часове
web_customer-column_session_status = Статус
web_customer-column_amount = Сума
web_customer-session_backup = преглед на резервно копие
web_customer-session_direct = пряко свързване
web_customer-session_confirmed = потвърдена
web_customer-session_cancelled = отменена
web_customer-session_done = проведена
web_customer-session_estimate = оценка { $amount }
web_customer-session_bill = сметка { $amount } за { $minutes ->
        [one] { $minutes } минута
       *[other] { $minutes } минути
    }
web_customer-consents = Съгласия за обработване на лични данни
web_customer-consents_none = Няма съгласия.
web_customer-consent_line = { $platform }, { $name }: дадено на { $when }, версия на текста { $version }
web_customer-reminders = Изпратени напомняния
web_customer-reminders_none = Още няма напомняния.
web_customer-column_reminder = Напомняне
web_customer-column_due = Дата
web_customer-reminder_before_end = { $days ->
        [one] { $days } ден преди края на поддръжката
       *[other] { $days } дни преди края на поддръжката
    }
web_customer-reminder_after_end = { $days ->
        [one] { $days } ден след края на поддръжката
       *[other] { $days } дни след края на поддръжката
    }
web_customer-reminder_before_preferential_end = { $days ->
        [one] { $days } ден преди края на преференциалната ставка
       *[other] { $days } дни преди края на преференциалната ставка
    }
web_customer-reminder_protection = { $days ->
        [one] за допълнителната защита, { $days } ден след края на поддръжката
       *[other] за допълнителната защита, { $days } дни след края на поддръжката
    }
web_customer-reminder_other = за края на поддръжката
