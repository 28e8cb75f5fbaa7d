## privacy

privacy-mydata_title = Что я храню о вас:
privacy-account = • Аккаунт: { $platform }, id { $user }, язык: { $language }, имя: { $name }
privacy-platform_telegram = Telegram
privacy-platform_vk = ВКонтакте
privacy-platform_console = консоль
privacy-linked = • Привязан к клиенту: { $name }, { $company }, телефон { $phone }, e-mail { $email } (способ: { $method })
privacy-not_linked = • Аккаунт не привязан к клиенту.
privacy-method_phone = по телефону
privacy-method_license = по номерам лицензии и ключа
privacy-method_invitation = по приглашению менеджера
privacy-method_manager = подтверждён менеджером
privacy-consent_given = • Согласие на обработку персональных данных: дано { $when }, редакция текста { $version }
privacy-consent_none = • Согласие на обработку персональных данных: не дано.
privacy-requests = • Ваши заявки ({ $count }):
privacy-request_line = {" "} №{ $number } — { $kind }, { $status }
privacy-requests_more = {" "} …и ещё { $count }
privacy-no_requests = • Заявок нет.
privacy-files = • Файлов в ваших заявках: { $count }
privacy-erased_before = • Ранее по вашей просьбе данные удалены: { $when }
privacy-announcements_on = • Объявления: приходят (отказаться: /announcements off)
privacy-announcements_off = • Объявления: не приходят, вы отказались (включить: /announcements on)
privacy-how_to_forget = Отозвать согласие и удалить данные: /forget
privacy-nothing_left = Ваших персональных данных у меня не осталось: согласие не дано, аккаунт не привязан, заявки обезличены. Ничего не изменилось.
privacy-forget_confirm =
    Удалить ваши персональные данные? Будет сделано:
    • согласие на обработку персональных данных отозвано;
    • аккаунт отвязан от клиента, имя в боте стёрто;
    • из ваших заявок удалены имя, телефон, адрес, комментарии и другие личные сведения; сами заявки (номер, вид, статус, сумма) останутся обезличенными; незакрытая заявка на привязку отменяется;
    • присланные вами файлы удалены.
    Карточка клиента, которую компания ведёт в своём учёте (договор, лицензии, ключи), здесь не удаляется — по ней обратитесь к менеджеру.
privacy-forget_yes = Да, удалить мои данные
privacy-forget_no = Нет, оставить
privacy-confirm_hint = Нажмите «Да, удалить мои данные» или «Нет, оставить».
privacy-forget_kept = Хорошо, ничего не удалено.
privacy-forgotten = Готово: согласие отозвано, персональные данные удалены ({ $requests ->
        [one] обезличена { $requests } заявка
        [few] обезличены { $requests } заявки
       *[many] обезличено { $requests } заявок
    }, { $files ->
        [one] удалён { $files } файл
        [few] удалены { $files } файла
       *[many] удалено { $files } файлов
    }). Удаление записано в журнал.
