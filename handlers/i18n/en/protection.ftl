## protection

protection-menu = My keys and protection
## -- what it is and what it costs

protection-about =
    The additional protection service lets you restore the licenses you bought if a key is lost or stolen, without documents about what happened: you pay only for the new key at the current price list (now { $key_price }) and its delivery (now { $delivery }).
    Terms:
    • the service is available for CodeMeter keys only;
    • { $price }; it is connected only after payment;
    • a key with the service is programmed for { $days ->
        [one] { $days } calendar day
       *[other] { $days } calendar days
    } and prolonged automatically: the prolongation is built on day { $run_day } of every month, unless you reported the key lost or stolen;
    • the service is active until support of the licenses on the key ends, and renewing support in time extends it too;
    • if support is paid more than { $grace ->
        [one] { $grace } day
       *[other] { $grace } days
    } after it ended, or if you cancel the service, it can be connected again only after paying for it again.
protection-price_both = the price per key is { $resident } for residents of the Russian Federation and { $non_resident } for non-residents
protection-price_resident = the price is { $price } per key (the price for residents of the Russian Federation)
protection-price_non_resident = the price is { $price } per key (the price for non-residents of the Russian Federation)
protection-about_unlinked = Link your account and your keys will appear here: which of them are protected and until when; you can order the service or cancel it here too.
protection-about_no_keys = No key is linked to your account. If you have one, write to a manager.
protection-about_button = What it is and what it costs
protection-keys_button = My keys and protection
protection-link_button = Link my account
## -- the keys

protection-keys_title = Your keys and the additional protection:
protection-programmed_until = the key is programmed until { $date }
protection-programmed_unknown = the date the key is programmed until is not known yet
protection-key_connected = • { $serial }: protection connected, { $programmed }; the key is prolonged every month while support of its licenses lasts, until { $support_end }.
protection-key_support_ended = • { $serial }: protection connected, but support of its licenses ended on { $support_end }, so the key is no longer prolonged ({ $programmed }). Renew support by { $deadline } to keep the service.
protection-key_lapsed = • { $serial }: protection not active — support of its licenses was not renewed within { $days ->
        [one] { $days } day
       *[other] { $days } days
    } of its end ({ $support_end }). It can be connected again only after payment: { $price }.
protection-key_not_connected = • { $serial }: protection not connected. You can order it for { $price }; it will be active while support of the key's licenses lasts (until { $support_end }).
protection-key_no_licenses = • { $serial }: the key holds no licenses, there is nothing to protect.
protection-key_not_available = • { $serial }: this is a protection module, and the service is available for CodeMeter keys only.
protection-key_reported = • { $serial }: the key is { $status }, the service does not apply to it.
protection-key_pending = Request #{ $number } ({ $kind }) is already with the managers.
protection-status_lost = reported lost
protection-status_stolen = reported stolen
protection-status_broken = reported broken
protection-status_found = found after a loss or theft
protection-status_replaced = replaced
protection-order_button = Order protection: { $serial }
protection-cancel_button = Cancel protection: { $serial }
protection-not_your_key = This key is not among yours. Choose a key with a button.
protection-already_filed = Key { $serial } already has request #{ $number } ({ $kind }) with the managers; there is no need to file another. You can follow it in "My requests".
protection-cannot_order = Protection cannot be ordered for key { $serial } now; its state is below.
protection-cannot_cancel = Key { $serial } has no active protection, there is nothing to cancel.
## -- ordering and cancelling

protection-residency_resident = the price for residents of the Russian Federation
protection-residency_other = the price for non-residents of the Russian Federation
protection-order_question =
    Order the additional protection for key { $serial } (licenses: { $licenses })?
    The price is { $price } ({ $residency }). The service is connected only after payment: a manager will send you the invoice and connect the protection once it is paid. The key will be programmed for { $days ->
        [one] { $days } calendar day
       *[other] { $days } calendar days
    } and prolonged on day { $run_day } of every month while support of its licenses lasts.
protection-order_support_until = Support of this key's licenses lasts until { $support_end }; renewing it in time extends the protection too.
protection-order_support_ended = Support of this key's licenses ended on { $support_end }, and the service is active only together with support: renew it as well.
protection-order_yes = Yes, order it
protection-no = No
protection-cancel_question =
    Cancel the additional protection of key { $serial }?
    Without it, the licenses of a lost or stolen key are restored only with documents. The service can be connected again only after paying for it again: { $price } ({ $residency }).
protection-cancel_yes = Yes, cancel it
protection-nothing_filed = All right, nothing is changed.
protection-order_filed = Request #{ $number } to connect protection for key { $serial } has been passed to the managers. The service is connected only after payment: a manager will send you the invoice for { $price } and connect the protection once it is paid; I will let you know.
protection-cancel_filed = Request #{ $number } to cancel the protection of key { $serial } has been passed to the managers. Until a manager disconnects it the service works as before; I will let you know when it is disconnected. Connecting it again will be possible only after payment.
protection-connected_notice = The additional protection of key { $serial } was connected on { $on }. The key is programmed until { $until } and will be prolonged on day { $run_day } of every month while support of its licenses lasts (now until { $support_end }); renewing support in time extends the protection too.
protection-disconnected_notice = The additional protection of key { $serial } was disconnected on { $on }. It can be connected again only after payment ({ $price }).
## -- the managers' card

protection-card_key = Key: { $serial } (CodeMeter)
protection-card_licenses = Licenses: { $licenses }; support until { $end }
protection-card_unknown_date = not known
protection-card_state = Protection when filed: { $state }
protection-state_connected = connected, support running
protection-state_support_ended = connected, support ended (kept if renewed in time)
protection-state_lapsed = not active: support was not renewed in time
protection-state_not_connected = not connected
protection-state_no_licenses = no licenses on the key
protection-state_not_available = not a CodeMeter key
protection-state_reported = the key is out of service (lost, stolen, broken, found after a loss or replaced)
protection-card_price = Price of the service: { $price } ({ $residency })
protection-card_order_todo = Send the customer the invoice. Once it is paid, connect the service and press "Done": the bot records the protection connected and tells the customer.
protection-card_connected = Protection connected on { $on }, the key programmed until { $until }.
protection-card_programmed_until = The key is programmed until { $until }
protection-card_reconnect_price = Connecting it again will cost { $price } ({ $residency })
protection-card_cancel_todo = The customer cancels the service. Disconnect it and press "Done": the bot records the protection disconnected and tells the customer.
protection-card_disconnected = Protection disconnected on { $on }.
