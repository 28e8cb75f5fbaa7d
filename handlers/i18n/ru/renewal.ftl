## renewal

renewal-pick_license = Выберите лицензию, для которой нужен расчёт продления поддержки:
renewal-pick_license_hint = Нажмите кнопку с лицензией.
renewal-license_button = { $number } · { $product } · до { $end }
renewal-other_product = Другой продукт
renewal-not_your_license = Эта лицензия не найдена среди ваших. Выберите из списка.
renewal-pick_product = Выберите продукт:
renewal-no_products = Каталог продуктов с ценами ещё не загружен, поэтому посчитать продление я пока не могу. Напишите менеджеру — он рассчитает стоимость.
renewal-pick_product_hint = Нажмите кнопку с продуктом.
renewal-product_button = { $name } · { $price }
renewal-ask_support_end = Когда закончилась (или закончится) техническая поддержка? Напишите дату в виде ДД.ММ.ГГГГ, например 15.03.2026.
renewal-support_end_hint = Не понял дату. Напишите её в виде ДД.ММ.ГГГГ, например 15.03.2026.
renewal-support_end_implausible = Дата { $date } слишком далека от сегодняшней. Проверьте год и напишите дату ещё раз.
renewal-quote_title = Продление поддержки: { $product }
renewal-quote_license = Лицензия: { $number }
renewal-quote_ended = Поддержка закончилась { $date }.
renewal-quote_ends = Поддержка действует до { $date }.
renewal-rate_preferential = Льготная цена: { $percent } от цены продукта, действует по { $until } включительно.
renewal-rate_standard = Льготный период закончился { $until }, действует обычная цена: { $percent } от цены продукта.
renewal-rate_name_preferential = льготная
renewal-rate_name_standard = обычная
renewal-quote_amount = Стоимость продления на { $months ->
        [one] { $months } месяц
        [few] { $months } месяца
       *[many] { $months } месяцев
    }: { $amount }
renewal-quote_new_end = Поддержка будет действовать до { $date }.
renewal-protection_keeps = Дополнительная защита ключа { $serial } сохранится, если оплатить продление не позднее { $deadline }. Позже — её нужно подключать заново за { $price }.
renewal-protection_kept = Дополнительную защиту ключа { $serial } сохраняет { $count ->
        [one] лицензия { $licenses }: её поддержка действует
        [few] лицензии { $licenses }: их поддержка действует
       *[many] лицензии { $licenses }: их поддержка действует
    } до { $until }.
renewal-protection_lost = Дополнительная защита ключа { $serial } не сохранилась: поддержка не была оплачена в течение { $days ->
        [one] { $days } дня
        [few] { $days } дней
       *[many] { $days } дней
    } после окончания. Подключить её заново стоит { $price }.
renewal-protection_if_any = Если у вашего ключа подключена дополнительная защита, оплатите продление не позднее { $deadline }, иначе её придётся подключать заново за { $price }.
renewal-protection_if_any_lapsed = Если у вашего ключа была подключена дополнительная защита, она не сохранилась: с окончания поддержки прошло больше { $days ->
        [one] { $days } дня
        [few] { $days } дней
       *[many] { $days } дней
    }. Подключить её заново стоит { $price }.
renewal-price_by_residency = { $resident } для резидентов РФ, { $non_resident } для нерезидентов
renewal-quote_updates = Продление включает все обновления, вышедшие за время без поддержки.
renewal-quote_hint = Выберите действие кнопкой под расчётом.
renewal-request_invoice = Запросить счёт
renewal-ask_manager = Спросить менеджера
renewal-invoice_filed = Заявка №{ $number } на счёт принята. Менеджер пришлёт счёт сюда.
renewal-question_filed = Вопрос №{ $number } передан менеджеру. Ответ придёт сюда.
renewal-card_product = Продукт: { $product }, лицензия { $license }
renewal-card_support_end = Поддержка до: { $date }
renewal-card_rate = Цена: { $rate }, { $percent } — { $amount }
renewal-card_new_end = Новая дата окончания: { $date }
