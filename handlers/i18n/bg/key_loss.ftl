## key_loss

key_loss-menu = Изгубен, откраднат или повреден ключ
## -- which key

key_loss-pick_key = Изберете ключа, с който нещо се е случило, или напишете серийния му номер (отпечатан е на ключа, напр. 3-1234567):
key_loss-pick_key_hint = Натиснете бутона с ключа или напишете серийния му номер, напр. 3-1234567.
key_loss-pick_key_unlinked =
    Напишете серийния номер на ключа или защитния модул (отпечатан е на него, напр. 3-1234567).
    Профилът Ви не е свързан с клиент, затова заявката отива при мениджър като непотвърдена: с ключа нищо не се случва, докато мениджър не провери, че е Ваш.
key_loss-pick_key_none = На Ваше име няма регистрирани ключове. Напишете серийния номер на ключа, ако го имате, или попитайте мениджър.
key_loss-key_button = { $serial } · { $kind } · { $status }
key_loss-not_your_key = Ключ { $serial } не е сред Вашите. Проверете номера или изберете ключ от списъка. Нищо не е променено.
key_loss-not_your_key_button = Този ключ не е сред Вашите. Изберете от списъка. Нищо не е променено.
key_loss-kind_codemeter = ключ CodeMeter
key_loss-kind_module = защитен модул
key_loss-status_active = активен
key_loss-status_lost = обявен за изгубен
key_loss-status_stolen = обявен за откраднат
key_loss-status_broken = обявен за повреден
key_loss-status_found = намерен след загуба
key_loss-status_replaced = заменен
## -- what happened

key_loss-ask_what = Избран: { $kind } { $serial } ({ $status }). Какво се случи?
key_loss-ask_what_unverified = Ключ { $serial }. Какво се случи?
key_loss-what_hint = Натиснете бутон: изгубен, откраднат, повреден или намерен.
key_loss-button_lost = Изгубен
key_loss-button_stolen = Откраднат
key_loss-button_broken = Повреден
key_loss-button_found = Намерен след загуба
key_loss-what_lost = изгубен
key_loss-what_stolen = откраднат
key_loss-what_broken = повреден
key_loss-what_found = намерен след загуба
key_loss-already_reported = Ключ { $serial } вече е { $status }; заявката е при мениджърите. Нищо не е променено. Ако се е случило друго, попитайте мениджър.
## -- A: the additional protection service

key_loss-until_date = след { $date }
key_loss-until_unknown = когато изтече текущото му програмиране
key_loss-protected_marked =
    Записано: ключ { $serial } е { $what }. Изключен е от месечното продължаване и ще спре да работи { $until }.
    Ключът има допълнителна защита, затова не са нужни документи: лицензите му ({ $licenses }) ще бъдат възстановени на нов ключ.
    Плащате само:
    • новия ключ CodeMeter — { $key_price };
    • доставката — { $delivery } (плаща се отделно).
    Общо: { $total }.
    Заявка №{ $number }. Остава да посочите къде и на кого да се достави новият ключ.
key_loss-ask_address = Напишете адреса за доставка на новия ключ: пощенски код, град, улица, номер, офис.
key_loss-address_hint = Напишете адреса в едно съобщение, от 5 до 500 знака.
key_loss-ask_recipient = Кой ще получи ключа? Напишете трите имена на получателя и телефон за куриера.
key_loss-recipient_hint = Напишете получателя в едно съобщение, от 2 до 200 знака.
key_loss-delivery_filed = Благодаря! Заявка №{ $number } е предадена на мениджърите: те ще изпратят фактура за ключа и доставката и ще възстановят лицензите на новия ключ.
key_loss-missing_delivery = адрес за доставка и получател
## -- B: documents

key_loss-documents_marked =
    Записано: ключ { $serial } е { $what }.
    Допълнителната защита не покрива този ключ, затова замяната е за Ваша сметка: нов { $kind } струва { $price } и всички лицензи от стария ({ $licenses }) ще бъдат прехвърлени на него.
    За замяната са нужни сканирани копия на два документа:
    1. { $letter }
    2. { $act }
    Заявка №{ $number } чака документите. Изпращайте ги един по един.
key_loss-letter_item = Писмо на официална бланка на фирмата за загубата на ключ (модул) { $serial } със задължение да не се използват лицензионните файлове, свързани с него.
key_loss-letter_item_broken = Писмо на официална бланка на фирмата за повредата на ключ (модул) { $serial } със задължение да не се използват лицензионните файлове, свързани с него, и да се върне повреденият ключ.
key_loss-act_item = Акт за отписване на изгубения или повредения ключ.
key_loss-ask_letter =
    Документ 1 от 2. { $letter }
    Изпратете сканираното копие като файл ({ $types }, до { $max_mb } МБ).
key_loss-letter_hint = Нужен ми е файл — сканираното писмо. Изпратете го като документ или снимка.
key_loss-ask_act =
    Документ 2 от 2. { $act }
    Изпратете сканираното копие като файл ({ $types }, до { $max_mb } МБ).
key_loss-act_hint = Нужен ми е файл — сканираният акт за отписване. Изпратете го като документ или снимка.
key_loss-later = Ще ги изпратя по-късно
key_loss-later_text = Добре. Заявка №{ $number } чака документите; след { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    } ще Ви напомня. Продължете с бутона по-долу или с точката от менюто „Изгубен, откраднат или повреден ключ“.
key_loss-one_at_a_time = Моля, изпращайте по един файл в съобщение. Нищо не е запазено.
key_loss-document_received = Получено: { $document } ({ $name }).
key_loss-document_letter = писмото на фирмена бланка
key_loss-document_write_off_act = актът за отписване
key_loss-documents_filed = И двата документа са получени. Заявка №{ $number } е предадена на мениджърите: те ще изпратят фактура за новия ключ и ще прехвърлят лицензите на него.
key_loss-request_closed = Тази заявка вече е затворена; нищо не е запазено. Започнете отначало от менюто, ако е нужно.
## -- coming back

key_loss-resume_title = Имате незавършени заявки за ключове:
key_loss-resume_line = • №{ $number }, ключ { $serial }: липсва — { $missing }
key_loss-resume_hint = Натиснете бутон: продължете заявка или съобщете за друг ключ.
key_loss-continue_button = Продължи заявка №{ $number }
key_loss-other_key = Съобщи за друг ключ
key_loss-nothing_to_continue = Заявка №{ $number } не чака нищо от Вас.
## -- found

key_loss-not_reported_lost = Ключ { $serial } не е обявяван за изгубен или откраднат (сега: { $status }). Нищо не е променено.
key_loss-found_protected = Записано: ключ { $serial } е намерен. Лицензите не могат да се върнат на него (възстановени са на новия ключ), но намереният ключ може да се използва като носител на нови лицензи. Заявка №{ $number } е за сведение на мениджърите.
key_loss-found_documents = Записано, че ключ { $serial } е намерен. Заявка №{ $number } е предадена на мениджър, който ще Ви каже дали замяната още е нужна.
## -- an unlinked person

key_loss-unverified_filed = Заявка №{ $number } е предадена на мениджърите като непотвърдена: профилът Ви не е свързан с клиент, затова с ключа засега нищо не е направено. Мениджър ще провери, че ключът е Ваш, и ще се свърже с Вас.
## -- the managers' card

key_loss-card_serial_typed = Ключ (номер по думите на подателя): { $serial }
key_loss-card_key = Ключ: { $serial } ({ $kind })
key_loss-card_what = Какво се случи: { $what }
key_loss-card_unverified = Подателят не е свързан с клиент: ключът НЕ е променен, проверете собственика.
key_loss-card_known = В базата: { $kind } на { $owner }, статус — { $status }
key_loss-card_unknown = Такъв ключ няма в базата.
key_loss-card_found_protected = С допълнителна защита: ключът е отбелязан като намерен, лицензите не се възстановяват на него, може да носи нови.
key_loss-card_found_documents = Без допълнителна защита: статусът на ключа не е променен, решете за замяната.
key_loss-card_licenses = Лицензи на ключа: { $licenses }
key_loss-card_protected = Допълнителната защита е активна: без документи, ключът е изключен от месечното продължаване.
key_loss-card_programmed_until = Програмиран до: { $date }
key_loss-card_unknown_date = неизвестно
key_loss-card_prices = Нов ключ: { $key_price }, доставка: { $delivery }, общо { $total }
key_loss-card_awaited = очаква се от клиента
key_loss-card_address = Адрес за доставка: { $address }
key_loss-card_recipient = Получател: { $recipient }
key_loss-card_documents_branch = Без допълнителна защита: замяна за сметка на клиента, нужни са писмо и акт за отписване.
key_loss-card_new_key_price = Нов { $kind }: { $price }
key_loss-card_documents = Документи: { $state }
key_loss-card_docs_awaited = очакват се от клиента
key_loss-card_docs_received = получени
