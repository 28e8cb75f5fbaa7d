## data_exports

data_exports-yes = yes
data_exports-no = no
data_exports-request_number = Request number
data_exports-kind = Kind of request
data_exports-status = Status
data_exports-created = Filed
data_exports-updated = Last changed
data_exports-customer = Customer
data_exports-company = Company
data_exports-phone = Phone
data_exports-verified = Customer verified
data_exports-license = License
data_exports-key = Key
data_exports-amount = Amount
data_exports-manager = Handled by
data_exports-first_answer = First manager answer
data_exports-rating = Customer's rating
data_exports-email = E-mail
data_exports-resident = Resident of Russia
data_exports-language = Language
data_exports-licenses = Licenses
data_exports-keys = Keys
data_exports-accounts = Messenger accounts
data_exports-open_requests = Open requests
data_exports-next_support_end = Earliest support end
