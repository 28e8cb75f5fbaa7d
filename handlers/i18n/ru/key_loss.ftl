## key_loss

key_loss-menu = Утеря, кража, поломка ключа
## -- which key

key_loss-pick_key = Выберите ключ, с которым что-то случилось, или напишите его серийный номер (он напечатан на ключе, например 3-1234567):
key_loss-pick_key_hint = Нажмите кнопку с ключом или напишите его серийный номер, например 3-1234567.
key_loss-pick_key_unlinked =
    Напишите серийный номер ключа или модуля защиты (он напечатан на нём, например 3-1234567).
    Ваш аккаунт не привязан к клиенту, поэтому заявка уйдёт менеджеру как неподтверждённая: с ключом ничего не произойдёт, пока менеджер не проверит, что он ваш.
key_loss-pick_key_none = За вами не записано ни одного ключа. Напишите серийный номер ключа, если он у вас есть, или задайте вопрос менеджеру.
key_loss-key_button = { $serial } · { $kind } · { $status }
key_loss-not_your_key = Ключ { $serial } не найден среди ваших. Проверьте номер или выберите ключ из списка. Ничего не изменилось.
key_loss-not_your_key_button = Этот ключ не найден среди ваших. Выберите из списка. Ничего не изменилось.
key_loss-kind_codemeter = ключ CodeMeter
key_loss-kind_module = модуль защиты
key_loss-status_active = действует
key_loss-status_lost = заявлен утерянным
key_loss-status_stolen = заявлен украденным
key_loss-status_broken = заявлен сломанным
key_loss-status_found = найден после утери
key_loss-status_replaced = заменён
## -- what happened

key_loss-ask_what = Выбран { $kind } { $serial } ({ $status }). Что случилось?
key_loss-ask_what_unverified = Ключ { $serial }. Что случилось?
key_loss-what_hint = Нажмите кнопку: потерян, украден, сломан или найден.
key_loss-button_lost = Потерян
key_loss-button_stolen = Украден
key_loss-button_broken = Сломан
key_loss-button_found = Нашёлся после утери
key_loss-what_lost = утерян
key_loss-what_stolen = украден
key_loss-what_broken = сломан
key_loss-what_found = найден после утери
key_loss-already_reported = Ключ { $serial } уже { $status }; заявка у менеджеров. Ничего не изменилось. Если случилось что-то другое, спросите менеджера.
## -- A: the additional protection service

key_loss-until_date = после { $date }
key_loss-until_unknown = когда закончится его текущая прошивка
key_loss-protected_marked =
    Записал: ключ { $serial } { $what }. Он исключён из ежемесячного продления и перестанет работать { $until }.
    У ключа действует дополнительная защита, поэтому документы не нужны: лицензии ({ $licenses }) будут восстановлены на новом ключе.
    Оплатить нужно только:
    • новый ключ CodeMeter — { $key_price };
    • доставку — { $delivery } (оплачивается отдельно).
    Итого: { $total }.
    Заявка №{ $number }. Осталось указать, куда и кому доставить новый ключ.
key_loss-ask_address = Напишите адрес доставки нового ключа: индекс, город, улица, дом, офис.
key_loss-address_hint = Напишите адрес одним сообщением, от 5 до 500 символов.
key_loss-ask_recipient = Кто получит ключ? Напишите ФИО получателя и телефон для курьера.
key_loss-recipient_hint = Напишите получателя одним сообщением, от 2 до 200 символов.
key_loss-delivery_filed = Спасибо! Заявка №{ $number } передана менеджерам: они пришлют счёт за ключ и доставку и восстановят лицензии на новом ключе.
key_loss-missing_delivery = адрес доставки и получатель
## -- B: documents

key_loss-documents_marked =
    Записал: ключ { $serial } { $what }.
    Дополнительная защита для этого ключа не действует, поэтому замена — за ваш счёт: новый { $kind } стоит { $price }, на него будут перенесены все лицензии со старого ({ $licenses }).
    Для замены нужны скан-копии двух документов:
    1. { $letter }
    2. { $act }
    Заявка №{ $number } ждёт документов. Пришлите их по одному.
key_loss-letter_item = Письмо на официальном бланке компании об утере ключа (модуля) { $serial } с обязательством не использовать файлы лицензий, привязанные к нему.
key_loss-letter_item_broken = Письмо на официальном бланке компании о поломке ключа (модуля) { $serial } с обязательством не использовать файлы лицензий, привязанные к нему, и вернуть сломанный ключ.
key_loss-act_item = Акт о списании материальных ценностей (утерянного или сломанного ключа).
key_loss-ask_letter =
    Документ 1 из 2. { $letter }
    Пришлите скан файлом ({ $types }, до { $max_mb } МБ).
key_loss-letter_hint = Мне нужен файл — скан письма. Пришлите его как документ или фото.
key_loss-ask_act =
    Документ 2 из 2. { $act }
    Пришлите скан файлом ({ $types }, до { $max_mb } МБ).
key_loss-act_hint = Мне нужен файл — скан акта о списании. Пришлите его как документ или фото.
key_loss-later = Пришлю позже
key_loss-later_text = Хорошо. Заявка №{ $number } ждёт документов; через { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    } я напомню. Продолжить можно кнопкой ниже или пунктом меню «Утеря, кража, поломка ключа».
key_loss-one_at_a_time = Пришлите, пожалуйста, по одному файлу за сообщение. Ничего не сохранено.
key_loss-document_received = Получил: { $document } ({ $name }).
key_loss-document_letter = письмо на бланке компании
key_loss-document_write_off_act = акт о списании
key_loss-documents_filed = Оба документа получены. Заявка №{ $number } передана менеджерам: они пришлют счёт за новый ключ и перенесут на него лицензии.
key_loss-request_closed = Эта заявка уже закрыта, ничего не сохранено. Если нужно, начните заново из меню.
## -- coming back

key_loss-resume_title = У вас есть незаконченные заявки по ключам:
key_loss-resume_line = • №{ $number }, ключ { $serial }: не хватает — { $missing }
key_loss-resume_hint = Нажмите кнопку: продолжить заявку или сообщить о другом ключе.
key_loss-continue_button = Продолжить заявку №{ $number }
key_loss-other_key = Сообщить о другом ключе
key_loss-nothing_to_continue = Заявка №{ $number } не ждёт от вас документов.
## -- found

key_loss-not_reported_lost = Ключ { $serial } не заявлялся утерянным или украденным (сейчас: { $status }). Ничего не изменилось.
key_loss-found_protected = Записал: ключ { $serial } найден. Лицензии на него вернуть нельзя — они восстановлены на новом ключе, но найденный ключ можно использовать дальше как носитель новых лицензий. Заявка №{ $number } — для сведения менеджеров.
key_loss-found_documents = Записал, что ключ { $serial } нашёлся. Заявка №{ $number } передана менеджеру: он свяжется с вами и скажет, нужна ли ещё замена.
## -- an unlinked person

key_loss-unverified_filed = Заявка №{ $number } передана менеджерам как неподтверждённая: ваш аккаунт не привязан к клиенту, поэтому с ключом пока ничего не сделано. Менеджер проверит, что ключ ваш, и свяжется с вами.
## -- the managers' card

key_loss-card_serial_typed = Ключ (номер со слов отправителя): { $serial }
key_loss-card_key = Ключ: { $serial } ({ $kind })
key_loss-card_what = Что случилось: { $what }
key_loss-card_unverified = Отправитель не привязан к клиенту: ключ НЕ изменён, проверьте владельца.
key_loss-card_known = В базе: { $kind } клиента { $owner }, статус — { $status }
key_loss-card_unknown = В базе такого ключа нет.
key_loss-card_found_protected = С дополнительной защитой: ключ отмечен найденным, лицензии на нём не восстанавливаются, можно использовать как носитель новых.
key_loss-card_found_documents = Без дополнительной защиты: статус ключа не изменён, решите по замене.
key_loss-card_licenses = Лицензии на ключе: { $licenses }
key_loss-card_protected = Дополнительная защита действует: без документов, ключ исключён из ежемесячного продления.
key_loss-card_programmed_until = Прошит до: { $date }
key_loss-card_unknown_date = неизвестно
key_loss-card_prices = Новый ключ: { $key_price }, доставка: { $delivery }, итого { $total }
key_loss-card_awaited = ждём от клиента
key_loss-card_address = Адрес доставки: { $address }
key_loss-card_recipient = Получатель: { $recipient }
key_loss-card_documents_branch = Без дополнительной защиты: замена за счёт клиента, нужны письмо и акт о списании.
key_loss-card_new_key_price = Новый { $kind }: { $price }
key_loss-card_documents = Документы: { $state }
key_loss-card_docs_awaited = ждём от клиента
key_loss-card_docs_received = получены
