## linking_desk

linking_desk-approve = Подтвердить привязку
linking_desk-reject = Отклонить привязку
linking_desk-not_link_request = Заявка №{ $number } не найдена или это не заявка на привязку. Ничего не изменилось.
linking_desk-closed = Заявка №{ $number } уже закрыта ({ $status }). Ничего не изменилось.
linking_desk-request_summary = Привязка, заявка №{ $number }: { $name }, { $company }, { $phone }, лицензия { $license }.
linking_desk-suggested = Похожие клиенты:
linking_desk-no_suggestions = Похожих клиентов не нашлось.
linking_desk-found = Найдено по «{ $query }»:
linking_desk-nothing_found = По «{ $query }» никого не нашлось.
linking_desk-ask_customer = Выберите клиента или напишите номер клиента, телефон, номер лицензии или имя.
linking_desk-customer_hint = Напишите номер клиента, телефон, номер лицензии или имя (до 100 символов).
linking_desk-no_customer = Клиента №{ $number } нет. Ничего не изменилось.
linking_desk-no_account = Аккаунт автора заявки №{ $number } не найден. Ничего не изменилось.
linking_desk-approved = Заявка №{ $number }: аккаунт привязан к клиенту { $customer }, клиенту сообщено.
linking_desk-ask_reason = Напишите причину отказа по заявке №{ $number } — её увидит клиент:
linking_desk-reason_hint = Напишите причину текстом, до 500 символов.
linking_desk-rejected = Заявка №{ $number } отклонена, клиенту сообщено.
