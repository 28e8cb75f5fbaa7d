## keyloss

keyloss-menu = Утеря, кража, поломка ключа
## -- which key

keyloss-pick_key = Выберите ключ, с которым что-то случилось, или напишите его серийный номер (он напечатан на ключе, например 3-1234567):
keyloss-pick_key_hint = Нажмите кнопку с ключом или напишите его серийный номер, например 3-1234567.
keyloss-pick_key_unlinked =
    Напишите серийный номер ключа или модуля защиты (он напечатан на нём, например 3-1234567).
    Ваш аккаунт не привязан к клиенту, поэтому заявка уйдёт менеджеру как неподтверждённая: с ключом ничего не произойдёт, пока менеджер не проверит, что он ваш.
keyloss-pick_key_none = За вами не записано ни одного ключа. Напишите серийный номер ключа, если он у вас есть, или задайте вопрос менеджеру.
keyloss-key_button = { $serial } · { $kind } · { $status }
keyloss-not_your_key = Ключ { $serial } не найден среди ваших. Проверьте номер или выберите ключ из списка. Ничего не изменилось.
keyloss-not_your_key_button = Этот ключ не найден среди ваших. Выберите из списка. Ничего не изменилось.
keyloss-kind_codemeter = ключ CodeMeter
keyloss-kind_module = модуль защиты
keyloss-status_active = действует
keyloss-status_lost = заявлен утерянным
keyloss-status_stolen = заявлен украденным
keyloss-status_broken = заявлен сломанным
keyloss-status_found = найден после утери
keyloss-status_replaced = заменён
## -- what happened

keyloss-ask_what = Выбран { $kind } { $serial } ({ $status }). Что случилось?
keyloss-ask_what_unverified = Ключ { $serial }. Что случилось?
keyloss-what_hint = Нажмите кнопку: потерян, украден, сломан или найден.
keyloss-button_lost = Потерян
keyloss-button_stolen = Украден
keyloss-button_broken = Сломан
keyloss-button_found = Нашёлся после утери
keyloss-what_lost = утерян
keyloss-what_stolen = украден
keyloss-what_broken = сломан
keyloss-what_found = найден после утери
keyloss-already_reported = Ключ { $serial } уже { $status }; заявка у менеджеров. Ничего не изменилось. Если случилось что-то другое, спросите менеджера.
## -- A: the additional protection service

keyloss-until_date = после { $date }
keyloss-until_unknown = когда закончится его текущая прошивка
keyloss-protected_marked =
    Записал: ключ { $serial } { $what }. Он исключён из ежемесячного продления и перестанет работать { $until }.
    У ключа действует дополнительная защита, поэтому документы не нужны: лицензии ({ $licenses }) будут восстановлены на новом ключе.
    Оплатить нужно только:
    • новый ключ CodeMeter — { $key_price };
    • доставку — { $delivery } (оплачивается отдельно).
    Итого: { $total }.
    Заявка №{ $number }. Осталось указать, куда и кому доставить новый ключ.
keyloss-ask_address = Напишите адрес доставки нового ключа: индекс, город, улица, дом, офис.
keyloss-address_hint = Напишите адрес одним сообщением, от 5 до 500 символов.
keyloss-ask_recipient = Кто получит ключ? Напишите ФИО получателя и телефон для курьера.
keyloss-recipient_hint = Напишите получателя одним сообщением, от 2 до 200 символов.
keyloss-delivery_filed = Спасибо! Заявка №{ $number } передана менеджерам: они пришлют счёт за ключ и доставку и восстановят лицензии на новом ключе.
keyloss-missing_delivery = адрес доставки и получатель
## -- B: documents

keyloss-documents_marked =
    Записал: ключ { $serial } { $what }.
    Дополнительная защита для этого ключа не действует, поэтому замена — за ваш счёт: новый { $kind } стоит { $price }, на него будут перенесены все лицензии со старого ({ $licenses }).
    Для замены нужны скан-копии двух документов:
    1. { $letter }
    2. { $act }
    Заявка №{ $number } ждёт документов. Пришлите их по одному.
keyloss-letter_item = Письмо на официальном бланке компании об утере ключа (модуля) { $serial } с обязательством не использовать файлы лицензий, привязанные к нему.
keyloss-letter_item_broken = Письмо на официальном бланке компании о поломке ключа (модуля) { $serial } с обязательством не использовать файлы лицензий, привязанные к нему, и вернуть сломанный ключ.
keyloss-act_item = Акт о списании материальных ценностей (утерянного или сломанного ключа).
keyloss-ask_letter =
    Документ 1 из 2. { $letter }
    Пришлите скан файлом ({ $types }, до { $max_mb } МБ).
keyloss-letter_hint = Мне нужен файл — скан письма. Пришлите его как документ или фото.
keyloss-ask_act =
    Документ 2 из 2. { $act }
    Пришлите скан файлом ({ $types }, до { $max_mb } МБ).
keyloss-act_hint = Мне нужен файл — скан акта о списании. Пришлите его как документ или фото.
keyloss-later = Пришлю позже
keyloss-later_text = Хорошо. Заявка №{ $number } ждёт документов; через { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    } я напомню. Продолжить можно кнопкой ниже или пунктом меню «Утеря, кража, поломка ключа».
keyloss-one_at_a_time = Пришлите, пожалуйста, по одному файлу за сообщение. Ничего не сохранено.
keyloss-document_received = Получил: { $document } ({ $name }).
keyloss-document_letter = письмо на бланке компании
keyloss-document_write_off_act = акт о списании
keyloss-documents_filed = Оба документа получены. Заявка №{ $number } передана менеджерам: они пришлют счёт за новый ключ и перенесут на него лицензии.
keyloss-request_closed = Эта заявка уже закрыта, ничего не сохранено. Если нужно, начните заново из меню.
## -- coming back

keyloss-resume_title = У вас есть незаконченные заявки по ключам:
keyloss-resume_line = • №{ $number }, ключ { $serial }: не хватает — { $missing }
keyloss-resume_hint = Нажмите кнопку: продолжить заявку или сообщить о другом ключе.
keyloss-continue_button = Продолжить заявку №{ $number }
keyloss-other_key = Сообщить о другом ключе
keyloss-nothing_to_continue = Заявка №{ $number } не ждёт от вас документов.
## -- found

keyloss-not_reported_lost = Ключ { $serial } не заявлялся утерянным или украденным (сейчас: { $status }). Ничего не изменилось.
keyloss-found_protected = Записал: ключ { $serial } найден. Лицензии на него вернуть нельзя — они восстановлены на новом ключе, но найденный ключ можно использовать дальше как носитель новых лицензий. Заявка №{ $number } — для сведения менеджеров.
keyloss-found_documents = Записал, что ключ { $serial } нашёлся. Заявка №{ $number } передана менеджеру: он свяжется с вами и скажет, нужна ли ещё замена.
## -- an unlinked person

keyloss-unverified_filed = Заявка №{ $number } передана менеджерам как неподтверждённая: ваш аккаунт не привязан к клиенту, поэтому с ключом пока ничего не сделано. Менеджер проверит, что ключ ваш, и свяжется с вами.
## -- the managers' card

keyloss-card_serial_typed = Ключ (номер со слов отправителя): { $serial }
keyloss-card_key = Ключ: { $serial } ({ $kind })
keyloss-card_what = Что случилось: { $what }
keyloss-card_unverified = Отправитель не привязан к клиенту: ключ НЕ изменён, проверьте владельца.
keyloss-card_known = В базе: { $kind } клиента { $owner }, статус — { $status }
keyloss-card_unknown = В базе такого ключа нет.
keyloss-card_found_protected = С дополнительной защитой: ключ отмечен найденным, лицензии на нём не восстанавливаются, можно использовать как носитель новых.
keyloss-card_found_documents = Без дополнительной защиты: статус ключа не изменён, решите по замене.
keyloss-card_licenses = Лицензии на ключе: { $licenses }
keyloss-card_protected = Дополнительная защита действует: без документов, ключ исключён из ежемесячного продления.
keyloss-card_programmed_until = Прошит до: { $date }
keyloss-card_unknown_date = неизвестно
keyloss-card_prices = Новый ключ: { $key_price }, доставка: { $delivery }, итого { $total }
keyloss-card_awaited = ждём от клиента
keyloss-card_address = Адрес доставки: { $address }
keyloss-card_recipient = Получатель: { $recipient }
keyloss-card_documents_branch = Без дополнительной защиты: замена за счёт клиента, нужны письмо и акт о списании.
keyloss-card_new_key_price = Новый { $kind }: { $price }
keyloss-card_documents = Документы: { $state }
keyloss-card_docs_awaited = ждём от клиента
keyloss-card_docs_received = получены
