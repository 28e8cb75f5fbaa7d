## privacy

privacy-mydata_title = Какво пазя за Вас:
privacy-account = • Акаунт: { $platform }, id { $user }, език: { $language }, име: { $name }
privacy-platform_telegram = Telegram
privacy-platform_vk = VK
privacy-platform_console = конзола
privacy-linked = • Свързан с клиента: { $name }, { $company }, телефон { $phone }, e-mail { $email } (начин: { $method })
privacy-not_linked = • Акаунтът не е свързан с клиент.
privacy-method_phone = по телефон
privacy-method_license = по номера на лиценз и ключ
privacy-method_invitation = по покана от мениджър
privacy-method_manager = потвърден от мениджър
privacy-consent_given = • Съгласие за обработка на лични данни: дадено { $when }, версия на текста { $version }
privacy-consent_none = • Съгласие за обработка на лични данни: не е дадено.
privacy-requests = • Вашите заявки ({ $count }):
privacy-request_line = {" "} №{ $number } — { $kind }, { $status }
privacy-requests_more = {" "} …и още { $count }
privacy-no_requests = • Няма заявки.
privacy-files = • Файлове във Вашите заявки: { $count }
privacy-erased_before = • По Ваша молба данните са изтрити: { $when }
privacy-announcements_on = • Обявления: идват (отказ: /announcements off)
privacy-announcements_off = • Обявления: не идват, отказали сте се (включване: /announcements on)
privacy-how_to_forget = Оттегляне на съгласието и изтриване на данните: /forget
privacy-nothing_left = Не са останали Ваши лични данни: няма съгласие, акаунтът не е свързан, заявките са анонимизирани. Нищо не е променено.
privacy-forget_confirm =
    Да изтрия ли личните Ви данни? Ще бъде направено:
    • съгласието за обработка на лични данни се оттегля;
    • акаунтът се отделя от клиента, името в бота се изтрива;
    • от заявките Ви се премахват име, телефон, адрес, коментари и други лични сведения; самите заявки (номер, вид, статус, сума) остават анонимизирани; отворена заявка за свързване се отменя;
    • изпратените от Вас файлове се изтриват.
    Картата на клиента, която фирмата води в счетоводството си (договор, лицензи, ключове), не се изтрива оттук — за нея се обърнете към мениджър.
privacy-forget_yes = Да, изтрий данните ми
privacy-forget_no = Не, остави ги
privacy-confirm_hint = Натиснете „Да, изтрий данните ми“ или „Не, остави ги“.
privacy-forget_kept = Добре, нищо не е изтрито.
privacy-forgotten = Готово: съгласието е оттеглено, личните данни са изтрити ({ $requests ->
        [one] анонимизирана { $requests } заявка
       *[other] анонимизирани { $requests } заявки
    }, { $files ->
        [one] изтрит { $files } файл
       *[other] изтрити { $files } файла
    }). Изтриването е записано в дневника.
