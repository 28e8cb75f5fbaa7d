## desk_commands

desk_commands-menu_open = Отворени заявки
desk_commands-open_none = Няма отворени заявки.
desk_commands-open_title = Отворени заявки: { $count }, първо новите:
desk_commands-open_line = №{ $number } · { $kind } · { $status } · { $who } · { $created }
desk_commands-open_more = …и още { $count }: всяка заявка се показва с /request N, всички — с /export.
desk_commands-card_button = №{ $number }
desk_commands-request_usage = Напишете номера на заявката, например: /request 12
desk_commands-events_title = История:
desk_commands-event_line = { $when } · { $who } · { $what }
desk_commands-event_status = { $from_status } → { $to_status }
desk_commands-event_filed = подадена: { $status }
desk_commands-rating_line = Оценка на клиента: { $rating }/5
desk_commands-find_ask = Кого да намеря? Напишете телефон, номер на лиценз, сериен номер на ключ, име или фирма.
desk_commands-find_hint = Напишете какво да търся или /cancel.
desk_commands-find_none = По „{ $text }“ никой не е намерен.
desk_commands-find_title = Намерено по „{ $text }“:
desk_commands-find_more = Показани са само първите { $count }: уточнете търсенето.
desk_commands-find_customer = { $name } ({ $company }) · { $phone } · { $email }
desk_commands-find_licenses = Лицензи: { $items }
desk_commands-find_license = { $number } ({ $product }, поддръжка до { $end })
desk_commands-find_keys = Ключове: { $items }
desk_commands-find_key = { $serial } ({ $kind }, { $status })
desk_commands-find_requests = Отворени заявки: { $items }
desk_commands-find_request = №{ $number } { $kind } — { $status }
desk_commands-find_nothing = няма
desk_commands-key_kind_codemeter = CodeMeter
desk_commands-key_kind_module = модул за защита
desk_commands-key_status_active = активен
desk_commands-key_status_lost = изгубен
desk_commands-key_status_stolen = откраднат
desk_commands-key_status_broken = повреден
desk_commands-key_status_found = намерен
desk_commands-key_status_replaced = заменен
desk_commands-stats_title = Общо заявки: { $total }.
desk_commands-stats_kind = • { $kind }: { $count } ({ $statuses })
desk_commands-stats_status = { $status } { $count }
desk_commands-stats_by_status = По статус: { $statuses }.
desk_commands-stats_median = Медианно време от подаването до първия отговор: { $duration } (по { $count ->
        [one] { $count } заявка с отговор
       *[other] { $count } заявки с отговор
    }).
desk_commands-stats_p90 = Девет заявки от десет получиха първи отговор за { $duration } (обещано: { $promised ->
        [one] { $promised } работна минута
       *[other] { $promised } работни минути
    }).
desk_commands-stats_no_answers = Още няма отговорени заявки.
desk_commands-duration_minutes = { $minutes ->
        [one] { $minutes } минута
       *[other] { $minutes } минути
    }
desk_commands-duration_hours = { $hours ->
        [one] { $hours } час
       *[other] { $hours } часа
    } { $minutes ->
        [one] { $minutes } минута
       *[other] { $minutes } минути
    }
desk_commands-duration_days = { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    } { $hours ->
        [one] { $hours } час
       *[other] { $hours } часа
    } { $minutes ->
        [one] { $minutes } минута
       *[other] { $minutes } минути
    }
desk_commands-export_done = Изнесени заявки: { $count }. Файлът е приложен.
desk_commands-export_written = Изнесени заявки: { $count }. Файл: { $path }
desk_commands-export_failed = Файлът за износ не можа да бъде записан; помолете администратора да провери папката за файлове.
desk_commands-import_not_local = Още не мога да прочета файла { $name } тук, нищо не е заредено. Изпратете го през конзолата или се обърнете към администратора.
desk_commands-import_failed = Файлът { $name } не можа да бъде прочетен; нищо не е заредено.
desk_commands-import_report = Зареждане на { $name }: { $rows ->
        [one] { $rows } ред
       *[other] { $rows } реда
    }, заредени { $imported }.
desk_commands-import_created = Създадени: { $customers ->
        [one] { $customers } клиент
       *[other] { $customers } клиенти
    }, { $products ->
        [one] { $products } продукт
       *[other] { $products } продукта
    }, { $licenses ->
        [one] { $licenses } лиценз
       *[other] { $licenses } лиценза
    }, { $keys ->
        [one] { $keys } ключ
       *[other] { $keys } ключа
    }.
desk_commands-import_updated = Обновени: { $customers ->
        [one] { $customers } клиент
       *[other] { $customers } клиенти
    }, { $products ->
        [one] { $products } продукт
       *[other] { $products } продукта
    }, { $licenses ->
        [one] { $licenses } лиценз
       *[other] { $licenses } лиценза
    }, { $keys ->
        [one] { $keys } ключ
       *[other] { $keys } ключа
    }.
desk_commands-import_no_errors = Няма грешки.
desk_commands-import_errors = Грешки: { $count }. Редовете с грешки са пропуснати:
desk_commands-import_errors_more = …и още { $count }.
desk_commands-import_kept = Услугата за защита е оставена както е при { $count ->
        [one] { $count } ключ
       *[other] { $count } ключа
    }: мениджърите са я променили чрез бота, а във файла все още е различно:
desk_commands-waiting_title = За Вас { $count ->
        [one] { $count } заявка
       *[other] { $count } заявки
    } (нови и поети от Вас):
