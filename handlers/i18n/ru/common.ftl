## common

common-welcome = Здравствуйте! Я бот технической поддержки. Выберите в меню, что нужно; /help — подсказка.
common-help_intro = Что я умею (кнопки главного меню):
common-help_renewal = • продление поддержки — расчёт по вашей лицензии или по продукту, запрос счёта;
common-help_key_loss = • утеря, кража или поломка ключа — заявка на замену и нужные документы;
common-help_protection = • мои ключи и защита — что такое дополнительная защита ключа, сколько она стоит, какие ключи защищены; заказ и отказ;
common-help_transfer = • перенос лицензий между ключами;
common-help_booking = • удалённая консультация — запись, стоимость, мои записи;
common-help_manager_contact = • связь с менеджером;
common-help_callback = • обратный звонок в нерабочее время;
common-help_support_faq = • о поддержке — что входит и сколько стоит продление;
common-help_linking = • привязка аккаунта — чтобы видеть свои лицензии и ключи.
common-help_commands = Команды: /menu — главное меню, /cancel — прервать разговор, /language — язык, /reminders — напоминания, /announcements — объявления, /mydata — что о вас хранится, /forget — удалить ваши данные.
common-help_contacts = Другие способы связаться с нами:
common-contact_phone = • телефон: { $value }
common-contact_email = • e-mail: { $value }
common-contact_whatsapp = • WhatsApp: { $value }
common-contact_web_chat = • чат на сайте: { $value }
common-contact_vk_group = • группа ВКонтакте: { $value }
common-contact_telegram = • Telegram: { $value }
common-contact_no_phone = • по телефону поддержка не оказывается.
-support-email = e-mail поддержки
-support-phone = телефон поддержки
-remote-tool = { $case ->
       *[nom] программа удалённого доступа
        [acc] программу удалённого доступа
        [gen] программы удалённого доступа
    }
-voice-tool = { $case ->
       *[nom] программа голосовой связи
        [acc] программу голосовой связи
    }
common-cancelled = Хорошо, отменил. Ничего не сохранено.
common-nothing_to_cancel = Отменять нечего.
common-unknown_command = Команда { $command } мне неизвестна. Список команд: /help.
common-bad_button = Эту кнопку я не узнаю, ничего не изменилось.
common-stale_button = Эта кнопка из прошлого разговора и больше не действует.
common-use_menu = Я отвечаю на кнопки меню. Выберите, что нужно:
common-unexpected = Я ждал другого ответа.
common-managers_only = Эта команда только для менеджеров. Ничего не изменилось.
common-customers_only = Эта команда для клиентов.
common-to_menu = « Главное меню

## menu

menu-title = Главное меню. Что вас интересует?
menu-title_manager = Главное меню менеджера.
menu-renewal = Продление поддержки
menu-language = Язык
menu-help = Помощь

## language

language-name = Русский
language-choose = Выберите язык:
language-changed = Язык переключён на русский.
