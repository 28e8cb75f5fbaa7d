## support_faq

support_faq-menu = About support
support_faq-intro = Frequent questions about technical support. Choose a question:
support_faq-questions_hint = Choose a question with a button.
support_faq-q_includes = What does support include?
support_faq-q_after_end = What happens when support ends?
support_faq-q_updates = Why do updates matter?
support_faq-q_renewal = How do I renew support and what does it cost?
support_faq-answer_includes = Technical support includes consultations on installing and using our software products and access to product updates for the whole support term. The term is set for each product, usually { $months ->
        [one] { $months } month
       *[other] { $months } months
    } from the purchase.
support_faq-answer_after_end = When support ends, the product keeps working: all its functions stay until the license ends. A license is usually perpetual; the exception is products on a monthly or yearly subscription. Only access to new versions of the product and consultations on it stop.
support_faq-answer_updates =
    • We add features that customers ask for to our updates when they are useful to many — every customer with active support gets them.
    • You can suggest your own ideas for the products: if an idea interests many, we implement it free of charge.
    • 1C keeps updating its configurations, and sometimes their changes stop add-ons from working. Then we promptly release an update of our product and send it to customers with active support.
support_faq-renewal_cost = A technical support renewal for { $months ->
        [one] { $months } month
       *[other] { $months } months
    } costs { $preferential } or { $standard } of the product's price on the renewal date.
support_faq-renewal_preferential = • Preferential renewal: { $percent } of the price if you renew within { $grace ->
        [one] { $grace } month
       *[other] { $grace } months
    } after support ends. Support is extended by { $months ->
        [one] { $months } month
       *[other] { $months } months
    } from the old end date, without a gap.
support_faq-renewal_preferential_until_end = • Preferential renewal: { $percent } of the price if you renew before support ends. Support is extended by { $months ->
        [one] { $months } month
       *[other] { $months } months
    } from the old end date, without a gap.
support_faq-renewal_standard = • Standard renewal: { $percent } of the price, any time later; { $months ->
        [one] the { $months } month counts
       *[other] the { $months } months count
    } from the renewal's activation date.
support_faq-renewal_updates = A renewal opens every update released while support was lapsed.
support_faq-renewal_example = Example: { $product } costs { $price } — preferential renewal { $preferential }, standard { $standard }.
support_faq-renewal_how = How to renew: press “Calculate a renewal” — I will compute the price for your license or product, and from the quote you can request an invoice straight away.
support_faq-get_quote = Calculate a renewal
support_faq-contact_manager = Contact a manager
