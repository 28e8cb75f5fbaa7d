## invite

invite-menu = Пригласить клиента
invite-ask_customer = Кого пригласить? Напишите номер клиента, телефон, номер лицензии, имя или организацию.
invite-customer_hint = Напишите, кого искать (до 100 символов), или выберите клиента кнопкой.
invite-found = Найдено по «{ $query }»:
invite-nothing_found = По «{ $query }» никого не нашлось.
invite-no_customer = Этого клиента больше нет. Выберите другого.
invite-created = Приглашение для клиента { $customer }: одноразовое, действует до { $until }. Отправьте клиенту ссылку:
invite-plain_command = Команда для бота: { $command }
