## transfer

transfer-menu = Прехвърляне и обединяване на лицензи
## -- the operation

transfer-ask_operation = Какво трябва да се направи с лицензите?
transfer-operation_hint = Натиснете бутона с нужната операция.
transfer-operation_button_move = Прехвърляне от един или няколко ключа на един
transfer-operation_button_merge = Обединяване на лицензи на един ключ
transfer-operation_button_redistribute = Преразпределяне на работни места между ключове
transfer-operation_move = прехвърляне на лицензи на един ключ
transfer-operation_merge = обединяване на лицензи
transfer-operation_redistribute = преразпределяне на работни места
## -- licenses

transfer-ask_licenses = Отбележете всички участващи лицензи (натискането отбелязва или маха отметката) или напишете номерата им, разделени със запетая. След това натиснете „Готово“.
transfer-licenses_hint = Натиснете бутон с лиценз или напишете номера на лицензи, разделени със запетая, напр. L-1001, L-1002.
transfer-license_button = { $mark } { $number } · { $product } · { $workplaces ->
        [one] { $workplaces } работно място
       *[other] { $workplaces } работни места
    }
transfer-done_button = Готово (избрани: { $count })
transfer-chosen = Избрани: { $items }
transfer-choose_one_license = Отбележете поне един лиценз.
transfer-not_your_license_button = Този лиценз не е сред Вашите. Нищо не е променено.
transfer-not_your_licenses = Не са сред Вашите лицензи: { $numbers }. Проверете номерата. Нищо не е променено.
transfer-no_licenses = На Ваше име няма регистрирани лицензи, затова прехвърляне не може да се заяви тук. Пишете на мениджър.
transfer-ask_product = Напишете името на програмата, чиито лицензи трябва да се прехвърлят.
transfer-product_hint = Напишете името на програмата в едно съобщение, от 2 до 200 знака.
transfer-ask_license_numbers = Напишете номерата на всички участващи лицензи, разделени със запетая, напр. L-1001, L-1002.
transfer-license_numbers_hint = Напишете номерата на лицензите, разделени със запетая, напр. L-1001, L-1002.
## -- workplaces

transfer-ask_workplaces = Колко работни места общо участват? Напишете число от 1 до { $max }.
transfer-workplaces_hint = Напишете броя работни места с число, напр. 3.
transfer-workplaces_button = { $count } (както в избраните лицензи)
## -- keys

transfer-ask_keys = Отбележете участващите ключове и защитни модули (от които и на който се прехвърлят лицензите) или напишете номерата им, разделени със запетая. След това натиснете „Готово“.
transfer-keys_hint = Натиснете бутон с ключ или напишете номера на ключове, разделени със запетая, напр. 3-1234567.
transfer-key_button = { $mark } { $serial } · { $kind }
transfer-kind_codemeter = ключ CodeMeter
transfer-kind_module = защитен модул
transfer-choose_one_key = Отбележете поне един ключ или модул.
transfer-not_your_key_button = Този ключ не е сред Вашите. Нищо не е променено.
transfer-not_your_keys = Не са сред Вашите ключове: { $numbers }. Проверете номерата. Нищо не е променено.
transfer-no_keys = На Ваше име няма регистрирани ключове или модули, затова прехвърляне не може да се заяви тук. Пишете на мениджър.
transfer-key_not_in_service = Ключ, обявен за изгубен, откраднат или повреден (или вече заменен), не участва в прехвърлянето: { $numbers }. Лицензите от такъв ключ се прехвърлят на нов чрез заявката за замяна (точка от менюто „Изгубен, откраднат или повреден ключ“). Нищо не е променено.
transfer-no_usable_keys = Всички Ваши ключове са обявени за изгубени, откраднати или повредени, затова прехвърляне тук не може да се оформи: лицензите от такъв ключ се прехвърлят на нов чрез заявката за замяна (точка от менюто „Изгубен, откраднат или повреден ключ“). Ако е нужно друго, пишете на мениджър.
transfer-ask_key_numbers = Напишете номерата на всички участващи ключове и защитни модули, разделени със запетая.
transfer-key_numbers_hint = Напишете номерата на ключовете, разделени със запетая, напр. 3-1234567, M-100200.
## -- the redistribution order

transfer-ask_order_required = Опишете реда на преразпределяне: колко работни места от кои лицензи трябва да има на всеки ключ.
transfer-ask_order = Ако работните места трябва да се преразпределят, опишете реда; ако не — натиснете „Не е нужно“.
transfer-order_hint = Опишете реда в едно съобщение, от 2 до 1000 знака.
transfer-no_order = Не е нужно
## -- modules

transfer-ask_modules = Ще се връщат ли защитни модули? Решението за връщане взема представител на разработчика; върнатите модули се заменят с нови.
transfer-modules_hint = Натиснете „Да“ или „Не“.
transfer-yes = Да, ще върнем модули
transfer-no = Не
## -- the letter's checklist

transfer-filed_waiting = Заявка №{ $number } е създадена и чака документи.
transfer-checklist_title = Писмото на официална бланка на фирмата със заявка за операцията ({ $operation }) трябва задължително да съдържа:
transfer-checklist_licenses = • наименованието на софтуера и номерата на всички участващи лицензи: { $product }; { $licenses };
transfer-checklist_workplaces = • броя работни места: { $count };
transfer-checklist_keys = • номерата на ключовете/защитните модули: { $keys };
transfer-checklist_order = • реда на преразпределяне на работните места: { $order };
transfer-checklist_no_old_files = • гаранция, че получените по-рано лицензионни файлове няма да се използват;
transfer-checklist_modules = • гаранция за връщане на защитните модули.
## -- documents

transfer-ask_letter = Изпратете сканираното копие на това писмо като файл ({ $types }, до { $max_mb } МБ).
transfer-letter_hint = Нужен ми е файл — сканираното писмо. Изпратете го като документ или снимка.
transfer-ask_license_files =
    Сега изпратете участващите лицензионни файлове, по един в съобщение ({ $types }, до { $max_mb } МБ).
    Получени файлове: { $count }. Когато изпратите всички, натиснете „Това е всичко“.
transfer-license_files_hint = Изпратете лицензионен файл или натиснете „Това е всичко“.
transfer-files_done = Това е всичко
transfer-need_license_file = Изпратете поне един лицензионен файл.
transfer-later = Ще ги изпратя по-късно
transfer-later_text = Добре. Заявка №{ $number } чака документите; след { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    } ще Ви напомня. Продължете с бутона по-долу или с точката от менюто „Прехвърляне и обединяване на лицензи“.
transfer-one_at_a_time = Моля, изпращайте по един файл в съобщение. Нищо не е запазено.
transfer-file_received = Получено: { $document } ({ $name }).
transfer-document_letter = писмото на фирмена бланка
transfer-document_license_file = лицензионен файл
transfer-document_license_files = лицензионни файлове
transfer-confirmation = потвърждение „Това е всичко“
transfer-request_closed = Тази заявка вече е затворена; нищо не е запазено. Започнете отначало от менюто, ако е нужно.
transfer-filed = Документите са получени. Заявка №{ $number } е предадена на мениджърите: те ще извършат операцията и ще изпратят новите лицензионни файлове.
transfer-filed_with_modules = Документите са получени. Заявка №{ $number } е предадена на мениджърите. За връщането на модулите решава представител на разработчика — отговорът ще дойде тук; при одобрение върнатите модули се заменят с нови.
## -- coming back

transfer-resume_title = Имате незавършени заявки за прехвърляне на лицензи:
transfer-resume_line = • №{ $number } ({ $licenses }): липсва — { $missing }
transfer-resume_hint = Натиснете бутон: продължете заявка или започнете нова.
transfer-continue_button = Продължи заявка №{ $number }
transfer-new_request = Нова заявка
transfer-nothing_to_continue = Заявка №{ $number } не чака документи от Вас.
## -- the managers' card

transfer-card_operation = Операция: { $operation }
transfer-card_product = Софтуер: { $product }
transfer-card_licenses = Лицензи: { $licenses }
transfer-card_workplaces = Работни места: { $count }
transfer-card_keys = Ключове/модули: { $keys }
transfer-card_order = Ред на преразпределяне: { $order }
transfer-card_order_none = Ред на преразпределяне: не е нужен
transfer-card_unverified_items = Номера по думите на подателя, НЕ са проверени.
transfer-card_modules_no = Връщане на модули: не
transfer-card_modules_yes = Връщане на модули: да (решение след получаване на документите)
transfer-card_modules_pending = Връщане на модули: да — нужно е решение (бутоните по-долу)
transfer-card_modules_approved = Връщане на модули: одобрено ({ $manager }, { $when }), в замяна — нови модули
transfer-card_modules_rejected = Връщане на модули: отказано ({ $manager }): { $reason }
transfer-card_documents = Документи: { $state }
transfer-card_docs_awaited = очакват се от клиента
transfer-card_docs_received = получени
