## console
## The console channel's own chrome (python -m bot console): what it prints around the
## bot's messages. Its first texts (console-no_such_file, console-demo_signed_in) are in
## common.ftl.

console-customer_name = Console customer
console-manager_name = Console manager
console-document = (document: { $path })
console-share_phone = (share your phone: /contact +79990001122)
console-outbox_customer = new message
console-outbox_manager = managers' chat, queued message { $number }

console-no_such_file = File { $path } not found; nothing was sent.
console-demo_signed_in = Demo: you are signed in as { $name } ({ $company }). Type a button's number or its label.
console-no_such_button = There is no button { $number }: button numbers are in square brackets.
