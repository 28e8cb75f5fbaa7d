## common

common-welcome = Hello! I am the technical support bot. Choose what you need in the menu; /help shows how.
common-help =
    What I can do (main menu buttons):
    • renew support — a quote for your license or any product, an invoice request;
    • lost, stolen or broken key — a replacement request and the documents it needs;
    • move licenses between keys;
    • remote session — booking, price, my bookings;
    • contact a manager, or a call back after working hours;
    • about support — what it includes and what renewal costs;
    • link your account — to see your own licenses and keys.
    Commands: /menu — main menu, /cancel — stop the conversation, /language — language, /reminders — reminders, /mydata — what is stored about you, /forget — erase your data.
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
