## protection

protection-menu = Моите ключове и защита
## -- what it is and what it costs

protection-about =
    Допълнителната защита Ви позволява да възстановите закупените лицензи, ако ключът бъде изгубен или откраднат, без документи за случилото се: плащате само новия ключ по действащата ценова листа (сега { $key_price }) и доставката му (сега { $delivery }).
    Условия:
    • услугата е само за ключове CodeMeter;
    • { $price }; включва се само след плащане;
    • ключ с услугата се програмира за { $days ->
        [one] { $days } календарен ден
       *[other] { $days } календарни дни
    } и се удължава автоматично: фърмуерът за удължаване се създава на число { $run_day } от всеки месец, освен ако не сте съобщили, че ключът е изгубен или откраднат;
    • услугата е активна до края на техническата поддръжка на лицензите на ключа, а навреме подновената поддръжка удължава и нея;
    • ако платите поддръжката повече от { $grace ->
        [one] { $grace } ден
       *[other] { $grace } дни
    } след края ѝ или се откажете от услугата, тя може да бъде включена отново само след ново плащане.
protection-price_both = цената за всеки ключ е { $resident } за резиденти на Руската федерация и { $non_resident } за нерезиденти
protection-price_resident = цената е { $price } за всеки ключ (цена за резиденти на Руската федерация)
protection-price_non_resident = цената е { $price } за всеки ключ (цена за нерезиденти на Руската федерация)
protection-about_unlinked = Свържете акаунта си и тук ще се появят Вашите ключове: кои са защитени и до кога; тук ще можете и да поръчате услугата или да се откажете от нея.
protection-about_no_keys = Към акаунта Ви не е свързан нито един ключ. Ако имате ключ, пишете на мениджър.
protection-about_button = Какво е това и колко струва
protection-keys_button = Моите ключове и защита
protection-link_button = Свързване на акаунта
## -- the keys

protection-keys_title = Вашите ключове и допълнителната защита:
protection-programmed_until = ключът е програмиран до { $date }
protection-programmed_unknown = до кога е програмиран ключът, все още не е известно
protection-key_connected = • { $serial }: защитата е включена, { $programmed }; ключът се удължава всеки месец, докато е активна поддръжката на лицензите му — до { $support_end }.
protection-key_support_ended = • { $serial }: защитата е включена, но поддръжката на лицензите му изтече на { $support_end }, затова ключът вече не се удължава ({ $programmed }). Подновете поддръжката до { $deadline }, за да запазите услугата.
protection-key_lapsed = • { $serial }: защитата не е активна — поддръжката на лицензите му не е подновена до { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    } след края ѝ ({ $support_end }). Може да бъде включена отново само след плащане: { $price }.
protection-key_not_connected = • { $serial }: защитата не е включена. Можете да я поръчате за { $price }; тя ще е активна, докато е активна поддръжката на лицензите на ключа (до { $support_end }).
protection-key_no_licenses = • { $serial }: на ключа няма лицензи — няма какво да се защитава.
protection-key_not_available = • { $serial }: това е модул за защита, а услугата е само за ключове CodeMeter.
protection-key_reported = • { $serial }: ключът е { $status }, услугата не се прилага за него.
protection-key_pending = Заявка №{ $number } ({ $kind }) вече е при мениджърите.
protection-status_lost = обявен за изгубен
protection-status_stolen = обявен за откраднат
protection-status_broken = обявен за повреден
protection-status_found = намерен след загуба или кражба
protection-status_replaced = заменен
protection-order_button = Поръчай защита: { $serial }
protection-cancel_button = Откажи защитата: { $serial }
protection-not_your_key = Този ключ не е сред Вашите. Изберете ключ с бутон.
protection-already_filed = За ключ { $serial } вече има заявка №{ $number } ({ $kind }) при мениджърите; не е нужно да подавате втора. Можете да я следите в „Моите заявки“.
protection-cannot_order = За ключ { $serial } сега не може да се поръча защита; състоянието му е по-долу.
protection-cannot_cancel = Ключ { $serial } няма активна защита — няма от какво да се откажете.
## -- ordering and cancelling

protection-residency_resident = цена за резиденти на Руската федерация
protection-residency_other = цена за нерезиденти на Руската федерация
protection-order_question =
    Да поръчам ли допълнителна защита за ключ { $serial } (лицензи: { $licenses })?
    Цената е { $price } ({ $residency }). Услугата се включва само след плащане: мениджър ще Ви изпрати фактура и ще включи защитата, след като бъде платена. Ключът ще се програмира за { $days ->
        [one] { $days } календарен ден
       *[other] { $days } календарни дни
    } и ще се удължава на число { $run_day } от всеки месец, докато е активна поддръжката на лицензите му.
protection-order_support_until = Поддръжката на лицензите на този ключ е активна до { $support_end }; навреме подновената поддръжка удължава и защитата.
protection-order_support_ended = Поддръжката на лицензите на този ключ изтече на { $support_end }, а услугата е активна само заедно с поддръжката: подновете и нея.
protection-order_yes = Да, поръчай
protection-no = Не
protection-cancel_question =
    Да се откажа ли от допълнителната защита на ключ { $serial }?
    Без нея лицензите на изгубен или откраднат ключ се възстановяват само с документи. Услугата може да бъде включена отново само след ново плащане: { $price } ({ $residency }).
protection-cancel_yes = Да, откажи
protection-nothing_filed = Добре, нищо не променям.
protection-order_filed = Заявка №{ $number } за включване на защитата на ключ { $serial } е предадена на мениджърите. Услугата се включва само след плащане: мениджър ще Ви изпрати фактура за { $price } и ще включи защитата, след като бъде платена — ще Ви съобщя.
protection-cancel_filed = Заявка №{ $number } за отказ от защитата на ключ { $serial } е предадена на мениджърите. Докато мениджър не изключи услугата, тя работи както досега; ще Ви съобщя, когато бъде изключена. Повторното ѝ включване ще е възможно само след плащане.
protection-connected_notice = Допълнителната защита на ключ { $serial } е включена на { $on }. Ключът е програмиран до { $until } и ще се удължава на число { $run_day } от всеки месец, докато е активна поддръжката на лицензите му (сега — до { $support_end }); навреме подновената поддръжка удължава и защитата.
protection-disconnected_notice = Допълнителната защита на ключ { $serial } е изключена на { $on }. Може да бъде включена отново само след плащане ({ $price }).
## -- the managers' card

protection-card_key = Ключ: { $serial } (CodeMeter)
protection-card_licenses = Лицензи: { $licenses }; поддръжка до { $end }
protection-card_unknown_date = не е известно
protection-card_state = Защитата при подаване на заявката: { $state }
protection-state_connected = включена, поддръжката е активна
protection-state_support_ended = включена, поддръжката е изтекла (запазва се, ако бъде подновена навреме)
protection-state_lapsed = не е активна: поддръжката не е подновена навреме
protection-state_not_connected = не е включена
protection-state_no_licenses = на ключа няма лицензи
protection-state_not_available = не е ключ CodeMeter
protection-state_reported = ключът не е в употреба (изгубен, откраднат, повреден, намерен след загуба или заменен)
protection-card_price = Цена на услугата: { $price } ({ $residency })
protection-card_order_todo = Изпратете фактура на клиента. След плащането включете услугата и натиснете „Готово“: ботът ще запише, че защитата е включена, и ще уведоми клиента.
protection-card_connected = Защитата е включена на { $on }, ключът е програмиран до { $until }.
protection-card_programmed_until = Ключът е програмиран до { $until }
protection-card_reconnect_price = Повторното включване ще струва { $price } ({ $residency })
protection-card_cancel_todo = Клиентът се отказва от услугата. Изключете я и натиснете „Готово“: ботът ще запише, че защитата е изключена, и ще уведоми клиента.
protection-card_disconnected = Защитата е изключена на { $on }.
