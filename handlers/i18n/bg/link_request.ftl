## link_request

link_request-pending = Вашата заявка №{ $number } за свързване вече е при мениджърите. Ще Ви съобщя, когато я разгледат.
link_request-skip = Пропусни
link_request-ask_name = Заявка до мениджър за свързване на акаунта. Как се казвате (име и фамилия)?
link_request-name_hint = Напишете името с текст, до 200 знака.
link_request-ask_company = Име на фирмата (или „Пропусни“):
link_request-company_hint = Напишете името с текст или натиснете „Пропусни“.
link_request-ask_phone = Телефон за връзка: натиснете „Сподели телефона“ или напишете номера.
link_request-ask_phone_typed = Телефон за връзка, например +359 888 123 456:
link_request-phone_hint = Не успях да прочета номера. Напишете го така: +359 888 123 456.
link_request-ask_license = Номер на лиценза, ако го знаете (или „Пропусни“):
link_request-license_hint = Номерът на лиценза е до 40 знака, или натиснете „Пропусни“.
link_request-card_name = Име: { $name }
link_request-card_company = Фирма: { $company }
link_request-card_phone = Телефон: { $phone }
link_request-card_license = Лиценз: { $license }
link_request-filed = Заявка №{ $number } е изпратена до мениджърите. Ще Ви съобщя тук, когато я разгледат.
