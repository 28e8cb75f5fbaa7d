## desk

desk-verified = подтверждён
desk-unverified = НЕ подтверждён
desk-card_header = Заявка №{ $number }: { $kind } — { $status }
desk-card_customer = Клиент: { $customer } ({ $verified })
desk-who_customer = { $name }, { $phone }
desk-who_customer_company = { $name } ({ $company }), { $phone }
desk-who_account = { $name } ({ $messenger })
desk-who_unnamed = без имени
desk-card_amount = Сумма: { $amount }
desk-card_due = Связаться: { $when }
desk-card_attachments = Файлы ({ $count }): { $names }
desk-card_manager = Ведёт: { $manager }
desk-kind_renewal = счёт на продление поддержки
desk-kind_question = вопрос менеджеру
desk-kind_key_loss = утеря, кража или поломка ключа
desk-kind_transfer = перенос лицензий
desk-kind_booking = удалённая консультация
desk-kind_callback = обратный звонок
desk-kind_link = привязка аккаунта
desk-kind_protection_order = подключение дополнительной защиты
desk-kind_protection_cancel = отказ от дополнительной защиты
desk-status_new = новая
desk-status_in_work = в работе
desk-status_waiting_documents = ждёт документы
desk-status_waiting_customer = ждёт ответа клиента
desk-status_done = выполнена
desk-status_rejected = отклонена
desk-status_cancelled = отменена
desk-take = Взять
desk-reply = Ответить
desk-done = Готово
desk-reject = Отклонить
desk-escalation = ⏰ Заявка №{ $number } ({ $kind }) без ответа дольше обещанного: прошло { $minutes ->
        [one] { $minutes } рабочая минута
        [few] { $minutes } рабочие минуты
       *[many] { $minutes } рабочих минут
    }. Возьмите её, пожалуйста.
desk-escalation_again = ⏰ Заявка №{ $number } ({ $kind }) всё ещё без ответа: прошло { $minutes ->
        [one] { $minutes } рабочая минута
        [few] { $minutes } рабочие минуты
       *[many] { $minutes } рабочих минут
    }, вдвое больше обещанного.
