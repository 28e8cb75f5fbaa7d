## renewal

renewal-pick_license = Изберете лиценза, за който да изчисля подновяване на поддръжката:
renewal-pick_license_hint = Натиснете бутона с лиценз.
renewal-license_button = { $number } · { $product } · до { $end }
renewal-other_product = Друг продукт
renewal-not_your_license = Този лиценз не е сред Вашите. Изберете от списъка.
renewal-pick_product = Изберете продукт:
renewal-no_products = Каталогът с цените на продуктите още не е зареден, затова засега не мога да изчисля подновяването. Пишете на мениджър — той ще изчисли цената.
renewal-pick_product_hint = Натиснете бутона с продукт.
renewal-product_button = { $name } · { $price }
renewal-ask_support_end = Кога е изтекла (или ще изтече) техническата поддръжка? Напишете датата като ДД.ММ.ГГГГ, например 15.03.2026.
renewal-support_end_hint = Не разчетох датата. Напишете я като ДД.ММ.ГГГГ, например 15.03.2026.
renewal-support_end_implausible = Датата { $date } е твърде далеч от днешната. Проверете годината и напишете датата отново.
renewal-quote_title = Подновяване на поддръжката: { $product }
renewal-quote_license = Лиценз: { $number }
renewal-quote_ended = Поддръжката е изтекла на { $date }.
renewal-quote_ends = Поддръжката е валидна до { $date }.
renewal-rate_preferential = Преференциална цена: { $percent } от цената на продукта, валидна до { $until } включително.
renewal-rate_standard = Преференциалният период изтече на { $until }; важи обичайната цена: { $percent } от цената на продукта.
renewal-rate_name_preferential = преференциална
renewal-rate_name_standard = обичайна
renewal-quote_amount = Подновяване за { $months ->
        [one] { $months } месец
       *[other] { $months } месеца
    }: { $amount }
renewal-quote_new_end = Поддръжката ще бъде валидна до { $date }.
renewal-protection_keeps = Допълнителната защита на ключ { $serial } се запазва, ако подновяването е платено до { $deadline }. По-късно тя трябва да се свърже отново срещу { $price }.
renewal-protection_kept = Допълнителната защита на ключ { $serial } се запазва от { $count ->
        [one] лиценз { $licenses }, чиято поддръжка е валидна
       *[other] лицензи { $licenses }, чиято поддръжка е валидна
    } до { $until }.
renewal-protection_lost = Допълнителната защита на ключ { $serial } е отпаднала: поддръжката не е платена в срок от { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    } след изтичането ѝ. Повторното ѝ свързване струва { $price }.
renewal-protection_if_any = Ако ключът Ви има допълнителна защита, платете подновяването до { $deadline }, иначе тя трябва да се свърже отново срещу { $price }.
renewal-protection_if_any_lapsed = Ако ключът Ви е имал допълнителна защита, тя е отпаднала: от изтичането на поддръжката са минали повече от { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    }. Повторното ѝ свързване струва { $price }.
renewal-price_by_residency = { $resident } за резиденти на РФ, { $non_resident } за нерезиденти
renewal-quote_updates = Подновяването включва всички актуализации, излезли, докато поддръжката е била изтекла.
renewal-quote_hint = Изберете действие с бутоните под изчислението.
renewal-request_invoice = Поискай фактура
renewal-ask_manager = Попитай мениджър
renewal-invoice_filed = Заявка №{ $number } за фактура е приета. Мениджър ще изпрати фактурата тук.
renewal-question_filed = Въпрос №{ $number } е предаден на мениджър. Отговорът ще дойде тук.
renewal-card_product = Продукт: { $product }, лиценз { $license }
renewal-card_support_end = Поддръжка до: { $date }
renewal-card_rate = Цена: { $rate }, { $percent } — { $amount }
renewal-card_new_end = Нова крайна дата: { $date }
