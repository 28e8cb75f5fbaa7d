## my_requests: the customer's open and recent requests (handlers/flows/my_requests.py)

my_requests-menu = My requests
my_requests-none = You have no requests yet. To ask a question, simply write it here.
my_requests-title = { $count ->
        [one] Your request
       *[other] Your requests
    } (open and of the last month):
my_requests-line = #{ $number } · { $kind } · { $status }
my_requests-last = {"    "}{ $author }: { $text }
my_requests-button = Request #{ $number }
my_requests-bookings = My session bookings
my_requests-author_you = you
my_requests-author_manager = manager
my_requests-author_bot = bot
my_requests-history = History:
my_requests-event = { $when } · { $author } · { $note }
my_requests-status_changed = status: { $status }
my_requests-write = Write about this request
my_requests-withdraw = Withdraw the request
my_requests-manage_booking = Move or cancel the booking
my_requests-manage_booking_instead = The booking of request #{ $number } is moved or cancelled in My bookings, which shows until when that is still possible. Nothing was changed.
my_requests-key_found = The key was found
my_requests-key_found_instead = Key request #{ $number } is withdrawn once the key is found: press “The key was found” and answer “Found again”, and I will tell you what happens to the key and its licenses. Nothing was changed.
my_requests-reopen = Reopen the request
my_requests-back = « My requests
my_requests-not_yours = This request is not among yours.
my_requests-already_closed = Request #{ $number } is already closed.
my_requests-withdrawn = Request #{ $number } is withdrawn. The managers will see it on its card.
my_requests-not_reopenable = Request #{ $number } can no longer be reopened. Write your question and I will open a new request.
my_requests-reopened = Request #{ $number } is open again. Write what happened.
