## common

common-welcome = Здравейте! Аз съм ботът за техническа поддръжка. Изберете от менюто какво Ви трябва; /help — помощ.
common-help_intro = Какво мога (бутони на главното меню):
common-help_renewal = • подновяване на поддръжката — изчисление за Вашия лиценз или за продукт, заявка за фактура;
common-help_key_loss = • изгубен, откраднат или повреден ключ — заявка за замяна и нужните документи;
common-help_protection = • моите ключове и защита — какво е допълнителната защита на ключа, колко струва, кои ключове я имат; поръчка и отказ;
common-help_transfer = • прехвърляне на лицензи между ключове;
common-help_booking = • дистанционна помощ — записване, цена, моите записвания;
common-help_manager_contact = • връзка с мениджър;
common-help_callback = • обратно обаждане в неработно време;
common-help_support_faq = • за поддръжката — какво включва и колко струва подновяването;
common-help_linking = • свързване на акаунта — за да виждате своите лицензи и ключове.
common-help_commands = Команди: /menu — главно меню, /cancel — прекъсване на разговора, /language — език, /reminders — напомняния, /announcements — обявления, /mydata — какво се пази за Вас, /forget — изтриване на данните Ви.
common-help_contacts = Други начини да се свържете с нас:
common-contact_phone = • телефон: { $value }
common-contact_email = • имейл: { $value }
common-contact_whatsapp = • WhatsApp: { $value }
common-contact_web_chat = • чат на сайта: { $value }
common-contact_vk_group = • група във ВКонтакте: { $value }
common-contact_telegram = • Telegram: { $value }
common-contact_no_phone = • поддръжка по телефона не се предоставя.
-support-email = имейла на поддръжката
-support-phone = телефона на поддръжката
-remote-tool = програма за отдалечен достъп
-voice-tool = програма за гласова връзка
common-cancelled = Добре, отказано. Нищо не е запазено.
common-nothing_to_cancel = Няма какво да се отказва.
common-unknown_command = Не познавам командата { $command }. Вижте /help.
common-bad_button = Не разпознавам този бутон; нищо не е променено.
common-stale_button = Този бутон е от предишен разговор и вече не действа.
common-use_menu = Отговарям на бутоните от менюто. Изберете какво Ви трябва:
common-unexpected = Очаквах друг отговор.
common-managers_only = Това е само за мениджъри. Нищо не е променено.
common-customers_only = Това е за клиенти.
common-to_menu = « Главно меню

## menu

menu-title = Главно меню. Какво Ви интересува?
menu-title_manager = Главно меню на мениджъра.
menu-renewal = Подновяване на поддръжката
menu-language = Език
menu-help = Помощ

## language

language-name = Български
language-choose = Изберете език:
language-changed = Езикът е сменен на български.
