## renewal

renewal-pick_license = Choose the license to quote a support renewal for:
renewal-pick_license_hint = Press a license button.
renewal-license_button = { $number } · { $product } · until { $end }
renewal-other_product = Another product
renewal-not_your_license = This license is not among yours. Choose one from the list.
renewal-pick_product = Choose the product:
renewal-no_products = The product price list has not been loaded yet, so I cannot quote a renewal now. Write to a manager, who will work out the price.
renewal-pick_product_hint = Press a product button.
renewal-product_button = { $name } · { $price }
renewal-ask_support_end = When did (or will) your technical support end? Type the date as DD/MM/YYYY, for example 15/03/2026.
renewal-support_end_hint = I could not read the date. Type it as DD/MM/YYYY, for example 15/03/2026.
renewal-support_end_implausible = The date { $date } is too far from today. Check the year and type the date again.
renewal-quote_title = Support renewal: { $product }
renewal-quote_license = License: { $number }
renewal-quote_ended = Support ended on { $date }.
renewal-quote_ends = Support is valid until { $date }.
renewal-rate_preferential = Preferential price: { $percent } of the product price, valid until { $until } inclusive.
renewal-rate_standard = The preferential period ended on { $until }; the standard price applies: { $percent } of the product price.
renewal-rate_name_preferential = preferential
renewal-rate_name_standard = standard
renewal-quote_amount = Renewal for { $months ->
        [one] { $months } month
       *[other] { $months } months
    }: { $amount }
renewal-quote_new_end = Support will then be valid until { $date }.
renewal-protection_keeps = The additional protection service of key { $serial } is kept if the renewal is paid by { $deadline }. Later, it must be connected again for { $price }.
renewal-protection_kept = The additional protection service of key { $serial } is kept by { $count ->
        [one] license { $licenses }, whose support runs
       *[other] licenses { $licenses }, whose support runs
    } until { $until }.
renewal-protection_lost = The additional protection service of key { $serial } has lapsed: support was not paid within { $days ->
        [one] { $days } day
       *[other] { $days } days
    } of its end. Connecting it again costs { $price }.
renewal-protection_if_any = If your key has the additional protection service, pay the renewal by { $deadline }, or it must be connected again for { $price }.
renewal-protection_if_any_lapsed = If your key had the additional protection service, it has lapsed: support ended more than { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago. Connecting it again costs { $price }.
renewal-price_by_residency = { $resident } for residents of Russia, { $non_resident } for non-residents
renewal-quote_updates = A renewal includes every update released while support was lapsed.
renewal-quote_hint = Choose an action with the buttons under the quote.
renewal-request_invoice = Request an invoice
renewal-ask_manager = Ask a manager
renewal-invoice_filed = Request #{ $number } for an invoice is filed. A manager will send the invoice here.
renewal-question_filed = Question #{ $number } has been passed to a manager. The answer will come here.
renewal-card_product = Product: { $product }, license { $license }
renewal-card_support_end = Support until: { $date }
renewal-card_rate = Price: { $rate }, { $percent } — { $amount }
renewal-card_new_end = New end date: { $date }
