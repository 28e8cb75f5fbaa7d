## invite

invite-menu = Invite a customer
invite-ask_customer = Whom to invite? Type a customer number, phone, license number, name or company.
invite-customer_hint = Type whom to look for (up to 100 characters), or choose a customer with a button.
invite-found = Found for "{ $query }":
invite-nothing_found = Nothing found for "{ $query }".
invite-no_customer = This customer no longer exists. Choose another one.
invite-created = Invitation for the customer { $customer }: single use, valid until { $until }. Send the customer the link:
invite-plain_command = Command for the bot: { $command }
