"""Transfer, merge or redistribution of licenses between keys (docs/rules.md#license-transfer,
seed 001).

Step by step the bot collects what the official letter must name: the operation, the
product and every license involved, the number of workplaces, the key/module numbers, the
redistribution order (required for a redistribution, optional otherwise) and whether
protection modules are to be returned. A linked customer picks their own licenses and
keys with toggle buttons or types the numbers (a typed number that is not theirs is
refused); a person not linked types them and the request is marked unverified. Only a key
in service takes part (active, or found after a loss): a key reported lost, stolen or
broken is not offered, and an old button or a typed number naming it is refused.

Then the request is filed at once as *waiting for documents* (managers see it; the
documents reminder finds it) and the bot shows the letter's checklist and collects the
letter's scan and the license files (several, closed with "That's all"). With them the
request becomes new and the managers get the completed card. A customer who leaves midway
continues later from the menu item or the ``go:transfer:docs:<request>`` button.

Whether modules are returned is the vendor's decision: the card of such a request carries
"Approve module return" / "Reject module return" (:mod:`handlers.desk.transfer_desk`) until a
manager decides. Documents are personal data: consent is asked before anything else.
"""
