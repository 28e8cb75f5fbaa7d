## desk_commands

desk_commands-menu_open = Открытые заявки
desk_commands-open_none = Открытых заявок нет.
desk_commands-open_title = Открытые заявки: { $count }, сначала новые:
desk_commands-open_line = №{ $number } · { $kind } · { $status } · { $who } · { $created }
desk_commands-open_more = …и ещё { $count }: любую заявку покажет /request N, все — /export.
desk_commands-card_button = №{ $number }
desk_commands-request_usage = Напишите номер заявки, например: /request 12
desk_commands-events_title = История:
desk_commands-event_line = { $when } · { $who } · { $what }
desk_commands-event_status = { $from_status } → { $to_status }
desk_commands-event_filed = подана: { $status }
desk_commands-rating_line = Оценка клиента: { $rating }/5
desk_commands-find_ask = Кого найти? Напишите телефон, номер лицензии, серийный номер ключа, имя или компанию.
desk_commands-find_hint = Напишите, что искать, или /cancel.
desk_commands-find_none = По запросу «{ $text }» никого не нашёл.
desk_commands-find_title = Найдено по запросу «{ $text }»:
desk_commands-find_more = Показаны только первые { $count }: уточните запрос.
desk_commands-find_customer = { $name } ({ $company }) · { $phone } · { $email }
desk_commands-find_licenses = Лицензии: { $items }
desk_commands-find_license = { $number } ({ $product }, поддержка до { $end })
desk_commands-find_keys = Ключи: { $items }
desk_commands-find_key = { $serial } ({ $kind }, { $status })
desk_commands-find_requests = Открытые заявки: { $items }
desk_commands-find_request = №{ $number } { $kind } — { $status }
desk_commands-find_nothing = нет
desk_commands-key_kind_codemeter = CodeMeter
desk_commands-key_kind_module = модуль защиты
desk_commands-key_status_active = действует
desk_commands-key_status_lost = утерян
desk_commands-key_status_stolen = украден
desk_commands-key_status_broken = сломан
desk_commands-key_status_found = найден
desk_commands-key_status_replaced = заменён
desk_commands-stats_title = Всего заявок: { $total }.
desk_commands-stats_kind = • { $kind }: { $count } ({ $statuses })
desk_commands-stats_status = { $status } { $count }
desk_commands-stats_by_status = По статусам: { $statuses }.
desk_commands-stats_median = Медианное время от подачи до первого ответа: { $duration } (по { $count ->
        [one] { $count } отвеченному
        [few] { $count } отвеченным
       *[many] { $count } отвеченным
    }).
desk_commands-stats_p90 = Девять заявок из десяти получили первый ответ за { $duration } (обещано: { $promised ->
        [one] { $promised } рабочая минута
        [few] { $promised } рабочие минуты
       *[many] { $promised } рабочих минут
    }).
desk_commands-stats_no_answers = Ответов по заявкам ещё не было.
desk_commands-duration_minutes = { $minutes ->
        [one] { $minutes } минута
        [few] { $minutes } минуты
       *[many] { $minutes } минут
    }
desk_commands-duration_hours = { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    } { $minutes ->
        [one] { $minutes } минута
        [few] { $minutes } минуты
       *[many] { $minutes } минут
    }
desk_commands-duration_days = { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    } { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    } { $minutes ->
        [one] { $minutes } минута
        [few] { $minutes } минуты
       *[many] { $minutes } минут
    }
desk_commands-export_done = Выгружено заявок: { $count }. Файл приложен.
desk_commands-export_written = Выгружено заявок: { $count }. Файл: { $path }
desk_commands-export_failed = Не удалось записать файл выгрузки; попросите администратора проверить папку файлов.
desk_commands-import_not_local = Файл { $name } я пока не могу здесь прочитать, ничего не загружено. Пришлите его через консоль или обратитесь к администратору.
desk_commands-import_failed = Не удалось прочитать файл { $name }; ничего не загружено.
desk_commands-import_report = Загрузка { $name }: { $rows ->
        [one] { $rows } строка
        [few] { $rows } строки
       *[many] { $rows } строк
    }, загружено { $imported }.
desk_commands-import_created = Создано: { $customers ->
        [one] { $customers } клиент
        [few] { $customers } клиента
       *[many] { $customers } клиентов
    }, { $products ->
        [one] { $products } продукт
        [few] { $products } продукта
       *[many] { $products } продуктов
    }, { $licenses ->
        [one] { $licenses } лицензия
        [few] { $licenses } лицензии
       *[many] { $licenses } лицензий
    }, { $keys ->
        [one] { $keys } ключ
        [few] { $keys } ключа
       *[many] { $keys } ключей
    }.
desk_commands-import_updated = Обновлено: { $customers ->
        [one] { $customers } клиент
        [few] { $customers } клиента
       *[many] { $customers } клиентов
    }, { $products ->
        [one] { $products } продукт
        [few] { $products } продукта
       *[many] { $products } продуктов
    }, { $licenses ->
        [one] { $licenses } лицензия
        [few] { $licenses } лицензии
       *[many] { $licenses } лицензий
    }, { $keys ->
        [one] { $keys } ключ
        [few] { $keys } ключа
       *[many] { $keys } ключей
    }.
desk_commands-import_no_errors = Ошибок нет.
desk_commands-import_errors = Ошибок: { $count }. Строки с ошибками пропущены:
desk_commands-import_errors_more = …и ещё { $count }.
desk_commands-import_kept = Услуга защиты оставлена как есть у { $count ->
        [one] { $count } ключа
        [few] { $count } ключей
       *[many] { $count } ключей
    }: её изменили менеджеры через бота, а в файле пока иначе:
desk_commands-waiting_title = Для вас { $count ->
        [one] { $count } заявка
        [few] { $count } заявки
       *[many] { $count } заявок
    } (новые и взятые вами):
