"""Loss, theft or breakage of a key, and a lost key found again (docs/rules.md#key-loss,
seeds 000, 001).

The customer picks one of their keys (or types its serial), then what happened. A verified
owner is asked first, the question saying what the report does to the key (it leaves the
monthly prolongation and stops after its programmed-until date, or without the service
what applies instead, :mod:`.question`) and what the replacement costs; nothing is stored
before "Yes, report it", and "No" changes nothing. On "Yes":

* **A, covered by the additional protection service** (see
  :mod:`handlers.rules.key_loss`): the key is marked lost/stolen/broken, which excludes it
  from every later monthly prolongation; the bot shows until when it keeps working, the
  new key's price and the delivery price, files the request (waiting for the customer)
  and asks the delivery address and the recipient. With both, the request becomes new
  and the managers get the completed card.
* **B, documents**: the key is marked too (a lost key must never be prolonged again, even
  if its lapsed service came back with a late renewal); the request is filed at once as
  *waiting for documents* so managers see it, and the bot collects the official letter
  and the act of write-off one by one. With both, the request becomes new.

Filing at once (before the address or the scans) means a customer who leaves midway never
leaves a marked key nobody knows about. Coming back (the menu item again, or the
"send documents" button, ``go:key_loss:docs:<request>``) offers to continue what is missing.

A person not linked to a customer can still report by typing the serial: the request is
filed *unverified* and nothing about the key changes; only a manager acts on it.

"Found" is accepted only for a key reported lost or stolen, and answered by how far its
replacement got (:mod:`.found`): replaced, the key is recorded as found and its licenses
stay on the new key; not replaced yet, the customer may withdraw the report (the request
is cancelled, the key back in service). The managers get a request saying which.

A stolen key is called stolen everywhere, the letter and act of the documents way included.

Personal data (address, recipient, scans) is stored only with consent: a linked
customer is asked for it when the flow begins.
"""
