"""The additional protection service of CodeMeter keys as a product the customer sees and
acts on (docs/rules.md#protection-service, seed 000).

"My keys and protection" shows what the service is and what it costs (the seed's terms,
every number from the policy; the price by the customer's residency, both prices to a
person not linked), then each of a linked customer's keys with the state of its service
(:func:`handlers.rules.key_protection.key_protection`, :mod:`.keys_view`):

* **ordering** it for a CodeMeter key without it (or whose service lapsed) files a
  ``protection_order`` request: the customer is told it is connected only after payment
  and that a manager sends the invoice; the card (:mod:`.card`) names the key, its
  licenses and the price by residency. When a manager marks it done, the key is recorded
  connected and programmed for ``protection.programming_days``
  (:meth:`ProtectionFlow.on_request_done`);
* **cancelling** it, after the customer confirms that connecting it again costs its price,
  files a ``protection_cancel`` request; done by a manager, the key is recorded
  disconnected.

One open order or cancellation per key: a second is refused, naming the request already
with the managers. What the managers did holds against an import that has not caught up
(:mod:`storage.importer.reconcile`).
"""
