## keyloss

keyloss-menu = Изгубен, откраднат или повреден ключ
## -- which key

keyloss-pick_key = Изберете ключа, с който нещо се е случило, или напишете серийния му номер (отпечатан е на ключа, напр. 3-1234567):
keyloss-pick_key_hint = Натиснете бутона с ключа или напишете серийния му номер, напр. 3-1234567.
keyloss-pick_key_unlinked =
    Напишете серийния номер на ключа или защитния модул (отпечатан е на него, напр. 3-1234567).
    Профилът Ви не е свързан с клиент, затова заявката отива при мениджър като непотвърдена: с ключа нищо не се случва, докато мениджър не провери, че е Ваш.
keyloss-pick_key_none = На Ваше име няма регистрирани ключове. Напишете серийния номер на ключа, ако го имате, или попитайте мениджър.
keyloss-key_button = { $serial } · { $kind } · { $status }
keyloss-not_your_key = Ключ { $serial } не е сред Вашите. Проверете номера или изберете ключ от списъка. Нищо не е променено.
keyloss-not_your_key_button = Този ключ не е сред Вашите. Изберете от списъка. Нищо не е променено.
keyloss-kind_codemeter = ключ CodeMeter
keyloss-kind_module = защитен модул
keyloss-status_active = активен
keyloss-status_lost = обявен за изгубен
keyloss-status_stolen = обявен за откраднат
keyloss-status_broken = обявен за повреден
keyloss-status_found = намерен след загуба
keyloss-status_replaced = заменен
## -- what happened

keyloss-ask_what = Избран: { $kind } { $serial } ({ $status }). Какво се случи?
keyloss-ask_what_unverified = Ключ { $serial }. Какво се случи?
keyloss-what_hint = Натиснете бутон: изгубен, откраднат, повреден или намерен.
keyloss-button_lost = Изгубен
keyloss-button_stolen = Откраднат
keyloss-button_broken = Повреден
keyloss-button_found = Намерен след загуба
keyloss-what_lost = изгубен
keyloss-what_stolen = откраднат
keyloss-what_broken = повреден
keyloss-what_found = намерен след загуба
keyloss-already_reported = Ключ { $serial } вече е { $status }; заявката е при мениджърите. Нищо не е променено. Ако се е случило друго, попитайте мениджър.
## -- A: the additional protection service

keyloss-until_date = след { $date }
keyloss-until_unknown = когато изтече текущото му програмиране
keyloss-protected_marked =
    Записано: ключ { $serial } е { $what }. Изключен е от месечното продължаване и ще спре да работи { $until }.
    Ключът има допълнителна защита, затова не са нужни документи: лицензите му ({ $licenses }) ще бъдат възстановени на нов ключ.
    Плащате само:
    • новия ключ CodeMeter — { $key_price };
    • доставката — { $delivery } (плаща се отделно).
    Общо: { $total }.
    Заявка №{ $number }. Остава да посочите къде и на кого да се достави новият ключ.
keyloss-ask_address = Напишете адреса за доставка на новия ключ: пощенски код, град, улица, номер, офис.
keyloss-address_hint = Напишете адреса в едно съобщение, от 5 до 500 знака.
keyloss-ask_recipient = Кой ще получи ключа? Напишете трите имена на получателя и телефон за куриера.
keyloss-recipient_hint = Напишете получателя в едно съобщение, от 2 до 200 знака.
keyloss-delivery_filed = Благодаря! Заявка №{ $number } е предадена на мениджърите: те ще изпратят фактура за ключа и доставката и ще възстановят лицензите на новия ключ.
keyloss-missing_delivery = адрес за доставка и получател
## -- B: documents

keyloss-documents_marked =
    Записано: ключ { $serial } е { $what }.
    Допълнителната защита не покрива този ключ, затова замяната е за Ваша сметка: нов { $kind } струва { $price } и всички лицензи от стария ({ $licenses }) ще бъдат прехвърлени на него.
    За замяната са нужни сканирани копия на два документа:
    1. { $letter }
    2. { $act }
    Заявка №{ $number } чака документите. Изпращайте ги един по един.
keyloss-letter_item = Писмо на официална бланка на фирмата за загубата на ключ (модул) { $serial } със задължение да не се използват лицензионните файлове, свързани с него.
keyloss-letter_item_broken = Писмо на официална бланка на фирмата за повредата на ключ (модул) { $serial } със задължение да не се използват лицензионните файлове, свързани с него, и да се върне повреденият ключ.
keyloss-act_item = Акт за отписване на изгубения или повредения ключ.
keyloss-ask_letter =
    Документ 1 от 2. { $letter }
    Изпратете сканираното копие като файл ({ $types }, до { $max_mb } МБ).
keyloss-letter_hint = Нужен ми е файл — сканираното писмо. Изпратете го като документ или снимка.
keyloss-ask_act =
    Документ 2 от 2. { $act }
    Изпратете сканираното копие като файл ({ $types }, до { $max_mb } МБ).
keyloss-act_hint = Нужен ми е файл — сканираният акт за отписване. Изпратете го като документ или снимка.
keyloss-later = Ще ги изпратя по-късно
keyloss-later_text = Добре. Заявка №{ $number } чака документите; след { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    } ще Ви напомня. Продължете с бутона по-долу или с точката от менюто „Изгубен, откраднат или повреден ключ“.
keyloss-one_at_a_time = Моля, изпращайте по един файл в съобщение. Нищо не е запазено.
keyloss-document_received = Получено: { $document } ({ $name }).
keyloss-document_letter = писмото на фирмена бланка
keyloss-document_write_off_act = актът за отписване
keyloss-documents_filed = И двата документа са получени. Заявка №{ $number } е предадена на мениджърите: те ще изпратят фактура за новия ключ и ще прехвърлят лицензите на него.
keyloss-request_closed = Тази заявка вече е затворена; нищо не е запазено. Започнете отначало от менюто, ако е нужно.
## -- coming back

keyloss-resume_title = Имате незавършени заявки за ключове:
keyloss-resume_line = • №{ $number }, ключ { $serial }: липсва — { $missing }
keyloss-resume_hint = Натиснете бутон: продължете заявка или съобщете за друг ключ.
keyloss-continue_button = Продължи заявка №{ $number }
keyloss-other_key = Съобщи за друг ключ
keyloss-nothing_to_continue = Заявка №{ $number } не чака нищо от Вас.
## -- found

keyloss-not_reported_lost = Ключ { $serial } не е обявяван за изгубен или откраднат (сега: { $status }). Нищо не е променено.
keyloss-found_protected = Записано: ключ { $serial } е намерен. Лицензите не могат да се върнат на него (възстановени са на новия ключ), но намереният ключ може да се използва като носител на нови лицензи. Заявка №{ $number } е за сведение на мениджърите.
keyloss-found_documents = Записано, че ключ { $serial } е намерен. Заявка №{ $number } е предадена на мениджър, който ще Ви каже дали замяната още е нужна.
## -- an unlinked person

keyloss-unverified_filed = Заявка №{ $number } е предадена на мениджърите като непотвърдена: профилът Ви не е свързан с клиент, затова с ключа засега нищо не е направено. Мениджър ще провери, че ключът е Ваш, и ще се свърже с Вас.
## -- the managers' card

keyloss-card_serial_typed = Ключ (номер по думите на подателя): { $serial }
keyloss-card_key = Ключ: { $serial } ({ $kind })
keyloss-card_what = Какво се случи: { $what }
keyloss-card_unverified = Подателят не е свързан с клиент: ключът НЕ е променен, проверете собственика.
keyloss-card_known = В базата: { $kind } на { $owner }, статус — { $status }
keyloss-card_unknown = Такъв ключ няма в базата.
keyloss-card_found_protected = С допълнителна защита: ключът е отбелязан като намерен, лицензите не се възстановяват на него, може да носи нови.
keyloss-card_found_documents = Без допълнителна защита: статусът на ключа не е променен, решете за замяната.
keyloss-card_licenses = Лицензи на ключа: { $licenses }
keyloss-card_protected = Допълнителната защита е активна: без документи, ключът е изключен от месечното продължаване.
keyloss-card_programmed_until = Програмиран до: { $date }
keyloss-card_unknown_date = неизвестно
keyloss-card_prices = Нов ключ: { $key_price }, доставка: { $delivery }, общо { $total }
keyloss-card_awaited = очаква се от клиента
keyloss-card_address = Адрес за доставка: { $address }
keyloss-card_recipient = Получател: { $recipient }
keyloss-card_documents_branch = Без допълнителна защита: замяна за сметка на клиента, нужни са писмо и акт за отписване.
keyloss-card_new_key_price = Нов { $kind }: { $price }
keyloss-card_documents = Документи: { $state }
keyloss-card_docs_awaited = очакват се от клиента
keyloss-card_docs_received = получени
