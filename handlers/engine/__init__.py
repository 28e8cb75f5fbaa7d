"""The conversation engine: how a flow is written (:mod:`.flow`, :mod:`.steps`), the neutral
messages and button payloads channels exchange with it (:mod:`.messages`, :mod:`.payloads`),
reading typed input and received files (:mod:`.typed_input`, :mod:`.attachments`), and the
dispatcher that routes each incoming message to its flow and step (:mod:`.dispatcher`)."""
