## common

common-welcome = Hello! I am the technical support bot. Choose what you need in the menu; /help shows how.
common-help_intro = What I can do (main menu buttons):
common-help_renewal = • renew support — a quote for your license or any product, an invoice request;
common-help_key_loss = • lost, stolen or broken key — a replacement request and the documents it needs;
common-help_protection = • my keys and protection — what the additional key protection is, what it costs, which keys have it; ordering and cancelling it;
common-help_transfer = • move licenses between keys;
common-help_booking = • remote session — booking, price, my bookings;
common-help_manager_contact = • contact a manager;
common-help_callback = • a call back after working hours;
common-help_support_faq = • about support — what it includes and what renewal costs;
common-help_linking = • link your account — to see your own licenses and keys.
common-help_commands = Commands: /menu — main menu, /cancel — stop the conversation, /language — language, /reminders — reminders, /announcements — announcements, /mydata — what is stored about you, /forget — erase your data.
common-help_contacts = Other ways to reach us:
common-contact_phone = • phone: { $value }
common-contact_email = • e-mail: { $value }
common-contact_whatsapp = • WhatsApp: { $value }
common-contact_web_chat = • chat on the website: { $value }
common-contact_vk_group = • VK community: { $value }
common-contact_telegram = • Telegram: { $value }
common-contact_no_phone = • no support is given by phone.
-support-email = the support e-mail
-support-phone = the support phone line
-remote-tool = remote-desktop software
-voice-tool = a voice-call program
common-cancelled = OK, cancelled. Nothing was saved.
common-nothing_to_cancel = There is nothing to cancel.
common-unknown_command = I don't know the command { $command }. See /help.
common-bad_button = I don't recognise this button; nothing has changed.
common-stale_button = This button is from an earlier conversation and no longer works.
common-use_menu = I answer the menu buttons. Choose what you need:
common-unexpected = I was expecting a different answer.
common-managers_only = This is for managers only. Nothing has changed.
common-customers_only = This is for customers.
common-to_menu = « Main menu

## menu

menu-title = Main menu. What do you need?
menu-title_manager = Manager's main menu.
menu-renewal = Renew support
menu-language = Language
menu-help = Help

## language

language-name = English
language-choose = Choose a language:
language-changed = The language is now English.
