## invite

invite-menu = Покани клиент
invite-ask_customer = Кого да поканя? Напишете номер на клиент, телефон, номер на лиценз, име или фирма.
invite-customer_hint = Напишете кого да търся (до 100 знака) или изберете клиент с бутон.
invite-found = Намерено за „{ $query }“:
invite-nothing_found = Нищо не е намерено за „{ $query }“.
invite-no_customer = Този клиент вече не съществува. Изберете друг.
invite-created = Покана за клиента { $customer }: еднократна, валидна до { $until }. Изпратете на клиента връзката:
invite-plain_command = Команда за бота: { $command }
