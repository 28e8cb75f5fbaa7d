## my_requests: the customer's open and recent requests (handlers/flows/my_requests.py)

my_requests-menu = Мои заявки
my_requests-none = У вас пока нет заявок. Чтобы задать вопрос, просто напишите его сюда.
my_requests-title = { $count ->
        [one] Ваша заявка
        [few] Ваши заявки
       *[many] Ваши заявки
    } (открытые и за последний месяц):
my_requests-line = №{ $number } · { $kind } · { $status }
my_requests-last = {"    "}{ $author }: { $text }
my_requests-button = Заявка №{ $number }
my_requests-bookings = Мои записи на консультацию
my_requests-author_you = вы
my_requests-author_manager = менеджер
my_requests-author_bot = бот
my_requests-history = История:
my_requests-event = { $when } · { $author } · { $note }
my_requests-status_changed = статус: { $status }
my_requests-write = Написать по заявке
my_requests-withdraw = Отозвать заявку
my_requests-manage_booking = Перенести или отменить запись
my_requests-manage_booking_instead = Запись по заявке №{ $number } переносят и отменяют в «Мои записи»: там видно, до какого времени это ещё можно сделать. Ничего не изменилось.
my_requests-key_found = Ключ нашёлся
my_requests-key_found_instead = Заявку №{ $number } о ключе отзывают, если ключ нашёлся: нажмите «Ключ нашёлся» и ответьте «Нашёлся» — я скажу, что будет с ключом и его лицензиями. Ничего не изменилось.
my_requests-reopen = Открыть заявку снова
my_requests-back = « Мои заявки
my_requests-not_yours = Это не ваша заявка.
my_requests-already_closed = Заявка №{ $number } уже закрыта.
my_requests-withdrawn = Заявка №{ $number } отозвана. Менеджеры увидят это в её карточке.
my_requests-not_reopenable = Заявку №{ $number } уже нельзя открыть снова. Напишите вопрос — я создам новую заявку.
my_requests-reopened = Заявка №{ $number } снова открыта. Напишите, что случилось.
