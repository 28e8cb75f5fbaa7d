-- Key loss and transfer requests (docs/rules.md#key-loss, docs/rules.md#license-transfer)
-- need no new tables: what the flows collect lives in requests.details, the scans in
-- attachments. This index serves the documents
-- reminder (storage.requests.waiting_documents_since): the moment each request last
-- entered 'waiting_documents' is read from its events without touching the table rows.
CREATE INDEX request_events_status_at ON request_events(request_id, to_status, at);
