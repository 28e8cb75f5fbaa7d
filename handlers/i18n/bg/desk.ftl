## desk

desk-verified = потвърден
desk-unverified = НЕпотвърден
desk-card_header = Заявка №{ $number }: { $kind } — { $status }
desk-card_customer = Клиент: { $customer } ({ $verified })
desk-who_customer = { $name }, { $phone }
desk-who_customer_company = { $name } ({ $company }), { $phone }
desk-who_account = { $name } ({ $messenger })
desk-who_unnamed = без име
desk-card_amount = Сума: { $amount }
desk-card_due = Да се свърже: { $when }
desk-card_attachments = Файлове ({ $count }): { $names }
desk-card_manager = Води я: { $manager }
desk-kind_renewal = фактура за подновяване на поддръжката
desk-kind_question = въпрос към мениджър
desk-kind_key_loss = изгубен, откраднат или повреден ключ
desk-kind_transfer = прехвърляне на лицензи
desk-kind_booking = дистанционна помощ
desk-kind_callback = обратно обаждане
desk-kind_link = свързване на акаунт
desk-kind_protection_order = поръчка на допълнителна защита
desk-kind_protection_cancel = отказ от допълнителна защита
desk-status_new = нова
desk-status_in_work = в работа
desk-status_waiting_documents = чака документи
desk-status_waiting_customer = чака отговор от клиента
desk-status_done = изпълнена
desk-status_rejected = отхвърлена
desk-status_cancelled = отменена
desk-take = Поемам
desk-reply = Отговор
desk-done = Готово
desk-reject = Отхвърляне
desk-escalation = ⏰ Заявка №{ $number } ({ $kind }) чака по-дълго от обещаното: { $minutes ->
        [one] { $minutes } работна минута
       *[other] { $minutes } работни минути
    } без отговор. Моля, поемете я.
desk-escalation_again = ⏰ Заявка №{ $number } ({ $kind }) все още е без отговор: { $minutes ->
        [one] { $minutes } работна минута
       *[other] { $minutes } работни минути
    }, двойно повече от обещаното.
