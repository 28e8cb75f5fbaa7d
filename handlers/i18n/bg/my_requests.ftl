## my_requests: the customer's open and recent requests (handlers/flows/my_requests.py)

my_requests-menu = Моите заявки
my_requests-none = Все още нямате заявки. За да зададете въпрос, просто го напишете тук.
my_requests-title = { $count ->
        [one] Вашата заявка
       *[other] Вашите заявки
    } (отворени и от последния месец):
my_requests-line = №{ $number } · { $kind } · { $status }
my_requests-last = {"    "}{ $author }: { $text }
my_requests-button = Заявка №{ $number }
my_requests-bookings = Моите записвания за консултация
my_requests-author_you = Вие
my_requests-author_manager = мениджър
my_requests-author_bot = бот
my_requests-history = История:
my_requests-event = { $when } · { $author } · { $note }
my_requests-status_changed = статус: { $status }
my_requests-write = Пишете по заявката
my_requests-withdraw = Оттегляне на заявката
my_requests-manage_booking = Преместване или отказ от записването
my_requests-manage_booking_instead = Записването по заявка №{ $number } се премества или отказва в „Моите записвания“: там се вижда до кога още е възможно. Нищо не е променено.
my_requests-key_found = Ключът се намери
my_requests-key_found_instead = Заявка №{ $number } за ключа се оттегля, ако ключът се е намерил: натиснете „Ключът се намери“ и отговорете „Намерен е“ — ще Ви кажа какво става с ключа и лицензите му. Нищо не е променено.
my_requests-reopen = Отваряне на заявката отново
my_requests-back = « Моите заявки
my_requests-not_yours = Тази заявка не е Ваша.
my_requests-already_closed = Заявка №{ $number } вече е затворена.
my_requests-withdrawn = Заявка №{ $number } е оттеглена. Мениджърите ще видят това в картата ѝ.
my_requests-not_reopenable = Заявка №{ $number } вече не може да се отвори отново. Напишете въпроса си и ще създам нова заявка.
my_requests-reopened = Заявка №{ $number } е отворена отново. Напишете какво се е случило.
