## link_request

link_request-pending = Your link request #{ $number } is already with the managers. I will tell you when they decide.
link_request-skip = Skip
link_request-ask_name = A request to a manager to link your account. What is your name (first and last)?
link_request-name_hint = Type your name as text, up to 200 characters.
link_request-ask_company = Your company's name (or "Skip"):
link_request-company_hint = Type the name as text or press "Skip".
link_request-ask_phone = A phone number to reach you: press "Share my phone" or type the number.
link_request-ask_phone_typed = A phone number to reach you, e.g. +7 999 000-11-22:
link_request-phone_hint = I could not read the number. Type it like this: +7 999 000-11-22.
link_request-ask_license = Your license number, if you know it (or "Skip"):
link_request-license_hint = A license number has up to 40 characters; or press "Skip".
link_request-card_name = Name: { $name }
link_request-card_company = Company: { $company }
link_request-card_phone = Phone: { $phone }
link_request-card_license = License: { $license }
link_request-filed = Request #{ $number } has been sent to the managers. I will tell you here when they decide.
