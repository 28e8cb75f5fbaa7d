## Съобщения на планировчика (напомняния за края на поддръжката, за сесии и документи,

## месечното подновяване на ключовете) и настройките на напомнянията (/reminders).

## reminders

reminders-before_end = Техническата поддръжка на { $product } (лиценз { $number }) изтича на { $date }.
reminders-after_end = Техническата поддръжка на { $product } (лиценз { $number }) изтече на { $date }. Преференциалната цена за подновяване важи до { $until } включително.
reminders-before_preferential_end = Преференциалната цена за подновяване на техническата поддръжка на { $product } (лиценз { $number }) важи до { $until }. След това се прилага стандартната цена.
reminders-protection = Техническата поддръжка на { $product } (лиценз { $number }) изтече на { $date }. Платете подновяването до { $deadline }, иначе допълнителната услуга за защита на ключа Ви { $serial } отпада: повторното ѝ включване струва { $price }.
reminders-quote_preferential = Подновяване за { $months ->
        [one] { $months } месец
       *[other] { $months } месеца
    } при плащане днес: { $amount } (преференциална цена, { $percent } от цената на продукта). Поддръжката ще важи до { $new_end }.
reminders-quote_standard = Подновяване за { $months ->
        [one] { $months } месец
       *[other] { $months } месеца
    } при плащане днес: { $amount } (стандартна цена, { $percent } от цената на продукта). Поддръжката ще важи до { $new_end }.
reminders-mute_hint = Не Ви трябват тези напомняния? Изключете ги с бутона по-долу.
reminders-button_renew = Подновяване на поддръжката
reminders-button_manager = Връзка с мениджър
reminders-button_mute = Изключи напомнянията
reminders-button_unmute = Включи напомнянията
reminders-muted = Напомнянията за края на поддръжката в този чат са изключени. Можете да ги включите отново по всяко време с /reminders.
reminders-unmuted = Напомнянията за края на поддръжката в този чат отново са включени.
reminders-status_on = Напомнянията за края на поддръжката в този чат са включени.
reminders-status_off = Напомнянията за края на поддръжката в този чат са изключени.
reminders-session_day_before = Напомняне: Вашата сесия за дистанционна помощ ({ $kind }) е утре, { $date } в { $time } (часова зона: { $zone }), запазена за { $hours ->
        [one] { $hours } час
       *[other] { $hours } часа
    }.
reminders-session_hours_before = Напомняне: Вашата сесия за дистанционна помощ ({ $kind }) започва днес в { $time } (часова зона: { $zone }).
reminders-session_kind_backup = преглед на резервно копие
reminders-session_kind_direct = пряка връзка
reminders-session_backup_advice = Преди сесията направете резервно копие със средствата на самата програма: връзката може да прекъсне. Защитна стена или антивирусна програма може да блокира връзката.
reminders-session_review_advice = Ако още не сте изпратили резервното копие, изпратете го като файл в този чат или на { -support-email }. Консултантът ще прегледа данните и ще отговори по телефона или ще върне поправено копие.
reminders-documents_waiting = Заявка №{ $number } все още чака Вашите документи. Изпратете сканираните копия ({ $types }) в този чат: заявката продължава веднага щом пристигнат.
reminders-keyrun_title = Месечно подновяване на допълнителната услуга за защита на ключовете ({ $date }):
reminders-keyrun_prolonged = • ключ { $serial }: подновен, работи до { $until }.
reminders-keyrun_support_ended = • ключ { $serial }: не е подновен, техническата поддръжка изтече на { $end }. Подновете поддръжката до { $deadline }, за да запазите услугата за защита.
reminders-keyrun_no_license = • ключ { $serial }: не е подновен, към него няма лиценз с техническа поддръжка.
reminders-keyrun_disconnected = • ключ { $serial }: услугата за защита е изключена, поддръжката не беше подновена до { $deadline }. Повторното включване струва { $price }.
reminders-keyrun_excluded = • ключ { $serial }: не е подновен, отбелязан е като { $status }.
reminders-key_status_lost = изгубен
reminders-key_status_stolen = откраднат
reminders-key_status_broken = повреден
reminders-key_status_found = намерен (годен само като носител за нови лицензи)
reminders-key_status_replaced = заменен
reminders-keyrun_summary =
    Месечно подновяване на ключовете, { $month } (дата на изпълнение { $date }):
    • подновени до { $until }: { $prolonged }
    • неподновени, поддръжката е изтекла: { $left_out }
    • изключена услуга за защита: { $disconnected }
    • неподновени поради статус (изгубен, откраднат, повреден…): { $excluded }
    Файл за оператора на ключовете (редове: { $count }): { $path }
reminders-task_card_license = Лиценз { $number } ({ $product }), поддръжка до { $date }
reminders-task_card_reason = Напомнянето за края на поддръжката не беше доставено ({ $channels }): моля, обадете се на клиента.
