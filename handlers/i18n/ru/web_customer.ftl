## web_customer: the web desk's Customers search and Customer page

web_customer-nav = Клиенты
web_customer-search = Поиск клиента
web_customer-search_hint = имя, компания, телефон, эл. почта, лицензия, ключ
web_customer-search_apply = Найти
web_customer-search_prompt = Введите имя, телефон, номер лицензии или серийный номер ключа.
web_customer-none_yet = Клиентов пока нет: загрузите их на странице «Данные».
web_customer-search_none = Клиент не найден.
web_customer-column_name = Клиент
web_customer-column_company = Компания
web_customer-column_phone = Телефон
web_customer-column_email = Эл. почта
web_customer-not_found = Такого клиента нет.
web_customer-back = ← К поиску клиентов
web_customer-no_name = (без имени)
web_customer-of_request = Клиент:
web_customer-contacts = Контакты
web_customer-resident = Резидент РФ
web_customer-yes = да
web_customer-no = нет
web_customer-language = Язык
web_customer-blocked_title = Заблокированы
web_customer-blocked_line = { $platform }, { $who }: заблокирован(а) { $when }, { $manager }. Причина: { $reason }
web_customer-blocked_line_unlinked = { $platform }, { $who } (не привязан(а) к клиенту, писал(а) в его заявке): заблокирован(а) { $when }, { $manager }. Причина: { $reason }
web_customer-blocked_badge = заблокирован(а): { $reason }
web_customer-accounts = Привязанные аккаунты мессенджеров
web_customer-accounts_none = Ни один аккаунт мессенджера не привязан.
web_customer-column_platform = Мессенджер
web_customer-column_account_name = Имя
web_customer-column_linked_by = Как привязан
web_customer-column_since = Пишет с
web_customer-column_reminders = Напоминания
web_customer-platform_telegram = Telegram
web_customer-platform_vk = ВКонтакте
web_customer-platform_console = консоль
web_customer-platform_web = веб-пульт
web_customer-linked_phone = по телефону
web_customer-linked_license = по номерам лицензии и ключа
web_customer-linked_invitation = по приглашению менеджера
web_customer-linked_manager = подтвердил менеджер
web_customer-linked_demo = демо-данные
web_customer-linked_other = —
web_customer-reminders_on = включены
web_customer-reminders_muted = отключены клиентом
web_customer-licenses = Лицензии
web_customer-licenses_none = Лицензий нет.
web_customer-column_license = Лицензия
web_customer-column_product = Продукт
web_customer-column_workplaces = Рабочих мест
web_customer-column_keys = Ключи
web_customer-column_support_end = Поддержка до
web_customer-column_support_state = Состояние
web_customer-column_quote = Продление сегодня
web_customer-support_active = действует
web_customer-support_ending = { $days ->
        [0] кончается сегодня
        [one] кончается через { $days } день
        [few] кончается через { $days } дня
       *[many] кончается через { $days } дней
    }
web_customer-support_lapsed = { $days ->
        [one] закончилась { $days } день назад
        [few] закончилась { $days } дня назад
       *[many] закончилась { $days } дней назад
    }
web_customer-quote_preferential = { $amount } — льготная ставка { $rate } до { $until }; поддержка до { $new_end }
web_customer-quote_standard = { $amount } — обычная ставка { $rate }; поддержка до { $new_end }
web_customer-keys = Ключи
web_customer-keys_none = Ключей нет.
web_customer-column_serial = Серийный номер
web_customer-column_key_kind = Вид
web_customer-column_key_status = Статус
web_customer-column_protection = Дополнительная защита
web_customer-column_runs = Ежемесячные прогоны
web_customer-protection_connected = подключена, поддержка до { $end }
web_customer-protection_support_ended = подключена, поддержка кончилась: сохранится при продлении до { $deadline }
web_customer-protection_lapsed = не действует: поддержку не продлили вовремя
web_customer-protection_not_connected = не подключена
web_customer-protection_no_licenses = на ключе нет лицензий
web_customer-protection_not_available = не ключ CodeMeter
web_customer-protection_reported = ключ выбыл (утерян, украден, сломан, найден после утери или заменён)
web_customer-runs_none = прогонов ещё не было
web_customer-run_prolonged = { $when }: продлена до { $until }
web_customer-run_support_ended = { $when }: пропущен — поддержка кончилась
web_customer-run_disconnected = { $when }: отключена
web_customer-run_excluded_status = { $when }: исключён — ключ утерян, украден или сломан
web_customer-run_other = { $when }: без изменений
web_customer-requests = Заявки
web_customer-requests_none = Заявок нет.
web_customer-bookings = Удалённые консультации
web_customer-bookings_none = Консультаций нет.
web_customer-column_starts = Начало
web_customer-column_session_kind = Вид
web_customer-column_hours = Часов
web_customer-column_session_status = Статус
web_customer-column_amount = Сумма
web_customer-session_backup = проверка резервной копии
web_customer-session_direct = прямое подключение
web_customer-session_confirmed = подтверждена
web_customer-session_cancelled = отменена
web_customer-session_done = проведена
web_customer-session_estimate = оценка { $amount }
web_customer-session_bill = счёт { $amount } за { $minutes ->
        [one] { $minutes } минуту
        [few] { $minutes } минуты
       *[many] { $minutes } минут
    }
web_customer-consents = Согласия на обработку персональных данных
web_customer-consents_none = Согласий нет.
web_customer-consent_line = { $platform }, { $name }: дано { $when }, версия текста { $version }
web_customer-reminders = Отправленные напоминания
web_customer-reminders_none = Напоминаний не было.
web_customer-column_reminder = Напоминание
web_customer-column_due = Дата
web_customer-reminder_before_end = { $days ->
        [one] за { $days } день до конца поддержки
        [few] за { $days } дня до конца поддержки
       *[many] за { $days } дней до конца поддержки
    }
web_customer-reminder_after_end = { $days ->
        [one] через { $days } день после конца поддержки
        [few] через { $days } дня после конца поддержки
       *[many] через { $days } дней после конца поддержки
    }
web_customer-reminder_before_preferential_end = { $days ->
        [one] за { $days } день до конца льготной ставки
        [few] за { $days } дня до конца льготной ставки
       *[many] за { $days } дней до конца льготной ставки
    }
web_customer-reminder_protection = { $days ->
        [one] о дополнительной защите, через { $days } день после конца поддержки
        [few] о дополнительной защите, через { $days } дня после конца поддержки
       *[many] о дополнительной защите, через { $days } дней после конца поддержки
    }
web_customer-reminder_other = о конце поддержки
