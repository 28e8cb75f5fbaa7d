## link_request

link_request-pending = Ваша заявка №{ $number } на привязку уже у менеджеров. Я сообщу, когда они её рассмотрят.
link_request-skip = Пропустить
link_request-ask_name = Заявка менеджеру на привязку аккаунта. Как вас зовут (фамилия, имя)?
link_request-name_hint = Напишите имя текстом, до 200 символов.
link_request-ask_company = Название организации (или «Пропустить»):
link_request-company_hint = Напишите название текстом или нажмите «Пропустить».
link_request-ask_phone = Телефон для связи: нажмите «Поделиться телефоном» или напишите номер.
link_request-ask_phone_typed = Телефон для связи, например +7 999 000-11-22:
link_request-phone_hint = Не получилось прочитать номер. Напишите его так: +7 999 000-11-22.
link_request-ask_license = Номер лицензии, если знаете (или «Пропустить»):
link_request-license_hint = Номер лицензии — до 40 символов, или нажмите «Пропустить».
link_request-card_name = Имя: { $name }
link_request-card_company = Организация: { $company }
link_request-card_phone = Телефон: { $phone }
link_request-card_license = Лицензия: { $license }
link_request-filed = Заявка №{ $number } отправлена менеджерам. Я сообщу здесь, когда они её рассмотрят.
