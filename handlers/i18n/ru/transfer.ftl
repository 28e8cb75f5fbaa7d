## transfer

transfer-menu = Перенос и объединение лицензий
## -- the operation

transfer-ask_operation = Что нужно сделать с лицензиями?
transfer-operation_hint = Нажмите кнопку с нужной операцией.
transfer-operation_button_move = Перенести с одного или нескольких ключей на один
transfer-operation_button_merge = Объединить лицензии на одном ключе
transfer-operation_button_redistribute = Перераспределить рабочие места между ключами
transfer-operation_move = перенос лицензий на один ключ
transfer-operation_merge = объединение лицензий
transfer-operation_redistribute = перераспределение рабочих мест
## -- licenses

transfer-ask_licenses = Отметьте все лицензии, участвующие в операции (нажатие отмечает или снимает отметку), или напишите их номера через запятую. Затем нажмите «Готово».
transfer-licenses_hint = Нажмите кнопку с лицензией или напишите номера лицензий через запятую, например L-1001, L-1002.
transfer-license_button = { $mark } { $number } · { $product } · { $workplaces ->
        [one] { $workplaces } рабочее место
        [few] { $workplaces } рабочих места
       *[many] { $workplaces } рабочих мест
    }
transfer-done_button = Готово (выбрано: { $count })
transfer-chosen = Выбрано: { $items }
transfer-choose_one_license = Отметьте хотя бы одну лицензию.
transfer-not_your_license_button = Эта лицензия не найдена среди ваших. Ничего не изменилось.
transfer-not_your_licenses = Не найдены среди ваших лицензий: { $numbers }. Проверьте номера. Ничего не изменилось.
transfer-no_licenses = За вами не записано ни одной лицензии, поэтому перенос здесь оформить нельзя. Напишите менеджеру.
transfer-ask_product = Напишите название программы, лицензии которой нужно перенести.
transfer-product_hint = Напишите название программы одним сообщением, от 2 до 200 символов.
transfer-ask_license_numbers = Напишите номера всех задействованных лицензий через запятую, например L-1001, L-1002.
transfer-license_numbers_hint = Напишите номера лицензий через запятую, например L-1001, L-1002.
## -- workplaces

transfer-ask_workplaces = Сколько всего рабочих мест участвует в операции? Напишите число от 1 до { $max }.
transfer-workplaces_hint = Напишите количество рабочих мест числом, например 3.
transfer-workplaces_button = { $count } (как в выбранных лицензиях)
## -- keys

transfer-ask_keys = Отметьте ключи и модули защиты, участвующие в операции (с которых и на который переносятся лицензии), или напишите их номера через запятую. Затем нажмите «Готово».
transfer-keys_hint = Нажмите кнопку с ключом или напишите номера ключей через запятую, например 3-1234567.
transfer-key_button = { $mark } { $serial } · { $kind }
transfer-kind_codemeter = ключ CodeMeter
transfer-kind_module = модуль защиты
transfer-choose_one_key = Отметьте хотя бы один ключ или модуль.
transfer-not_your_key_button = Этот ключ не найден среди ваших. Ничего не изменилось.
transfer-not_your_keys = Не найдены среди ваших ключей: { $numbers }. Проверьте номера. Ничего не изменилось.
transfer-no_keys = За вами не записано ни одного ключа или модуля, поэтому перенос здесь оформить нельзя. Напишите менеджеру.
transfer-key_not_in_service = Ключ, заявленный утерянным, украденным или сломанным (или уже заменённый), в переносе не участвует: { $numbers }. Лицензии с такого ключа переносятся на новый по заявке о замене (пункт меню «Утеря, кража, поломка ключа»). Ничего не изменилось.
transfer-no_usable_keys = Все ваши ключи заявлены утерянными, украденными или сломанными, поэтому перенос здесь оформить нельзя: лицензии с такого ключа переносятся на новый по заявке о замене (пункт меню «Утеря, кража, поломка ключа»). Если нужно другое, напишите менеджеру.
transfer-ask_key_numbers = Напишите номера всех задействованных ключей и модулей защиты через запятую.
transfer-key_numbers_hint = Напишите номера ключей через запятую, например 3-1234567, M-100200.
## -- the redistribution order

transfer-ask_order_required = Опишите порядок перераспределения: сколько рабочих мест каких лицензий должно оказаться на каждом ключе.
transfer-ask_order = Если рабочие места нужно перераспределить, опишите порядок; если нет — нажмите «Не требуется».
transfer-order_hint = Опишите порядок одним сообщением, от 2 до 1000 символов.
transfer-no_order = Не требуется
## -- modules

transfer-ask_modules = Будут ли возвращаться модули защиты? Решение о возврате принимает представитель разработчика; взамен возвращаемых выдаются новые модули.
transfer-modules_hint = Нажмите «Да» или «Нет».
transfer-yes = Да, вернём модули
transfer-no = Нет
## -- the letter's checklist

transfer-filed_waiting = Заявка №{ $number } создана и ждёт документов.
transfer-checklist_title = Письмо на официальном бланке компании с запросом ({ $operation }) обязательно должно содержать:
transfer-checklist_licenses = • наименование ПО и номера всех задействованных лицензий: { $product }; { $licenses };
transfer-checklist_workplaces = • количество рабочих мест: { $count };
transfer-checklist_keys = • номера ключей/модулей защиты: { $keys };
transfer-checklist_order = • порядок перераспределения рабочих мест: { $order };
transfer-checklist_no_old_files = • гарантию неиспользования файлов лицензий, полученных ранее;
transfer-checklist_modules = • гарантию возврата модулей защиты.
## -- documents

transfer-ask_letter = Пришлите скан этого письма файлом ({ $types }, до { $max_mb } МБ).
transfer-letter_hint = Мне нужен файл — скан письма. Пришлите его как документ или фото.
transfer-ask_license_files =
    Теперь пришлите файлы лицензий, участвующих в операции, по одному ({ $types }, до { $max_mb } МБ).
    Получено файлов: { $count }. Когда отправите все, нажмите «Это все».
transfer-license_files_hint = Пришлите файл лицензии или нажмите «Это все».
transfer-files_done = Это все
transfer-need_license_file = Пришлите хотя бы один файл лицензии.
transfer-later = Пришлю позже
transfer-later_text = Хорошо. Заявка №{ $number } ждёт документов; через { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    } я напомню. Продолжить можно кнопкой ниже или пунктом меню «Перенос и объединение лицензий».
transfer-one_at_a_time = Пришлите, пожалуйста, по одному файлу за сообщение. Ничего не сохранено.
transfer-file_received = Получил: { $document } ({ $name }).
transfer-document_letter = письмо на бланке компании
transfer-document_license_file = файл лицензии
transfer-document_license_files = файлы лицензий
transfer-confirmation = подтверждение «Это все»
transfer-request_closed = Эта заявка уже закрыта, ничего не сохранено. Если нужно, начните заново из меню.
transfer-filed = Документы получены. Заявка №{ $number } передана менеджерам: они выполнят операцию и пришлют новые файлы лицензий.
transfer-filed_with_modules = Документы получены. Заявка №{ $number } передана менеджерам. О возврате модулей решает представитель разработчика — ответ придёт сюда; при одобрении возвращаемые модули заменят новыми.
## -- coming back

transfer-resume_title = У вас есть незаконченные заявки на перенос лицензий:
transfer-resume_line = • №{ $number } ({ $licenses }): не хватает — { $missing }
transfer-resume_hint = Нажмите кнопку: продолжить заявку или оформить новую.
transfer-continue_button = Продолжить заявку №{ $number }
transfer-new_request = Новая заявка
transfer-nothing_to_continue = Заявка №{ $number } не ждёт от вас документов.
## -- the managers' card

transfer-card_operation = Операция: { $operation }
transfer-card_product = ПО: { $product }
transfer-card_licenses = Лицензии: { $licenses }
transfer-card_workplaces = Рабочих мест: { $count }
transfer-card_keys = Ключи/модули: { $keys }
transfer-card_order = Порядок перераспределения: { $order }
transfer-card_order_none = Порядок перераспределения: не требуется
transfer-card_unverified_items = Номера со слов отправителя, НЕ проверены.
transfer-card_modules_no = Возврат модулей: нет
transfer-card_modules_yes = Возврат модулей: да (решение — после получения документов)
transfer-card_modules_pending = Возврат модулей: да — нужно решение (кнопки ниже)
transfer-card_modules_approved = Возврат модулей: одобрен ({ $manager }, { $when }), взамен — новые модули
transfer-card_modules_rejected = Возврат модулей: отклонён ({ $manager }): { $reason }
transfer-card_documents = Документы: { $state }
transfer-card_docs_awaited = ждём от клиента
transfer-card_docs_received = получены
