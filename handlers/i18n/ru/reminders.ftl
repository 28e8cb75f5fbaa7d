## Сообщения планировщика (напоминания об окончании поддержки, о сеансах и документах,

## ежемесячное продление ключей) и настройки напоминаний (/reminders, кнопки «отключить»

## и «включить»).

## reminders

reminders-before_end = Техническая поддержка { $product } (лицензия { $number }) заканчивается { $date }.
reminders-after_end = Техническая поддержка { $product } (лицензия { $number }) закончилась { $date }. Льготная цена продления действует до { $until } включительно.
reminders-before_preferential_end = Льготная цена продления технической поддержки { $product } (лицензия { $number }) действует до { $until }. После этого действует стандартная цена.
reminders-protection = Техническая поддержка { $product } (лицензия { $number }) закончилась { $date }. Оплатите продление до { $deadline }, иначе дополнительная услуга защиты вашего ключа { $serial } будет отключена: повторное подключение стоит { $price }.
reminders-quote_preferential = Продление на { $months ->
        [one] { $months } месяц
        [few] { $months } месяца
       *[many] { $months } месяцев
    } при оплате сегодня: { $amount } (льготная цена, { $percent } от цены продукта). Поддержка будет действовать до { $new_end }.
reminders-quote_standard = Продление на { $months ->
        [one] { $months } месяц
        [few] { $months } месяца
       *[many] { $months } месяцев
    } при оплате сегодня: { $amount } (стандартная цена, { $percent } от цены продукта). Поддержка будет действовать до { $new_end }.
reminders-mute_hint = Не нужны эти напоминания? Отключите их кнопкой ниже.
reminders-button_renew = Продлить поддержку
reminders-button_manager = Связаться с менеджером
reminders-button_mute = Отключить напоминания
reminders-button_unmute = Включить напоминания
reminders-muted = Напоминания об окончании поддержки в этом чате отключены. Включить их снова можно в любой момент командой /reminders.
reminders-unmuted = Напоминания об окончании поддержки в этом чате снова включены.
reminders-status_on = Напоминания об окончании поддержки в этом чате включены.
reminders-status_off = Напоминания об окончании поддержки в этом чате отключены.
reminders-session_day_before = Напоминание: ваша удалённая консультация ({ $kind }) завтра, { $date } в { $time } (часовой пояс: { $zone }), назначена на { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    }.
reminders-session_hours_before = Напоминание: ваша удалённая консультация ({ $kind }) начинается сегодня в { $time } (часовой пояс: { $zone }).
reminders-session_kind_backup = проверка резервной копии
reminders-session_kind_direct = прямое подключение
reminders-session_backup_advice = Перед сеансом сделайте резервную копию средствами самой программы: соединение может прерваться. Брандмауэр или антивирус могут блокировать подключение.
reminders-session_review_advice = Если вы ещё не прислали резервную копию, пришлите её файлом в этот чат или на { -support-email }. Консультант посмотрит данные и ответит по телефону или вернёт исправленную копию.
reminders-documents_waiting = Заявка №{ $number } всё ещё ждёт ваших документов. Пришлите сканы ({ $types }) в этот чат: заявка продолжится, как только они придут.
reminders-keyrun_title = Ежемесячное продление дополнительной услуги защиты ключей ({ $date }):
reminders-keyrun_prolonged = • ключ { $serial }: продлён, работает до { $until }.
reminders-keyrun_support_ended = • ключ { $serial }: не продлён, техническая поддержка закончилась { $end }. Продлите поддержку до { $deadline }, чтобы сохранить услугу защиты.
reminders-keyrun_no_license = • ключ { $serial }: не продлён, к нему не привязана лицензия с технической поддержкой.
reminders-keyrun_disconnected = • ключ { $serial }: услуга защиты отключена, поддержка не была продлена до { $deadline }. Повторное подключение стоит { $price }.
reminders-keyrun_excluded = • ключ { $serial }: не продлён, он отмечен как { $status }.
reminders-key_status_lost = утерянный
reminders-key_status_stolen = украденный
reminders-key_status_broken = сломанный
reminders-key_status_found = найденный (годится только как носитель для новых лицензий)
reminders-key_status_replaced = заменённый
reminders-keyrun_summary =
    Ежемесячное продление ключей, { $month } (дата прогона { $date }):
    • продлено до { $until }: { $prolonged }
    • не продлено, поддержка закончилась: { $left_out }
    • услуга защиты отключена: { $disconnected }
    • не продлено по статусу (утерян, украден, сломан…): { $excluded }
    Файл для оператора ключей (строк: { $count }): { $path }
reminders-task_card_license = Лицензия { $number } ({ $product }), поддержка до { $date }
reminders-task_card_reason = Напоминание об окончании поддержки не доставлено ({ $channels }): позвоните клиенту.
