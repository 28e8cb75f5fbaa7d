## linking_desk

linking_desk-approve = Approve link
linking_desk-reject = Reject link
linking_desk-not_link_request = Request #{ $number } does not exist or is not a link request. Nothing changed.
linking_desk-closed = Request #{ $number } is already closed ({ $status }). Nothing changed.
linking_desk-request_summary = Link, request #{ $number }: { $name }, { $company }, { $phone }, license { $license }.
linking_desk-suggested = Similar customers:
linking_desk-no_suggestions = No similar customers found.
linking_desk-found = Found for "{ $query }":
linking_desk-nothing_found = Nothing found for "{ $query }".
linking_desk-ask_customer = Choose the customer, or type a customer number, phone, license number or name.
linking_desk-customer_hint = Type a customer number, phone, license number or name (up to 100 characters).
linking_desk-no_customer = There is no customer #{ $number }. Nothing changed.
linking_desk-no_account = The account that filed request #{ $number } was not found. Nothing changed.
linking_desk-approved = Request #{ $number }: the account is linked to the customer { $customer }; the customer has been told.
linking_desk-ask_reason = Type the reason for rejecting request #{ $number }; the customer will see it:
linking_desk-reason_hint = Type the reason as text, up to 500 characters.
linking_desk-rejected = Request #{ $number } rejected; the customer has been told.
