-- The importer matches a customer without phone and e-mail by (name, company): one indexed
-- lookup per batch instead of a scan of all customers.
CREATE INDEX customers_name_company ON customers(name, company);
