## session_bill

session_bill-usage = Как се въвежда времето на сесия: /minutes N M, където N е номерът на заявката от картата на записването, а M — отделените минути (цяло число от 1 до { $max }). Пример: /minutes 12 90
session_bill-bad_minutes = Минутите трябва да са цяло число от 1 до { $max }. Нищо не е променено.
session_bill-unknown_request = Няма заявка №{ $number }. Нищо не е променено.
session_bill-not_a_booking = Заявка №{ $number } не е записване за сесия. Нищо не е променено.
session_bill-cancelled = Записването по заявка №{ $number } е отменено; няма какво да се таксува. Нищо не е променено.
session_bill-not_started = Сесията по заявка №{ $number } е записана за { $when } и още не е започнала: времето се въвежда след нея. Нищо не е променено.
session_bill-already_billed = Времето по заявка №{ $number } вече е въведено: { $minutes ->
        [one] { $minutes } минута
       *[other] { $minutes } минути
    }, сметка { $amount }. Нищо не е променено.
session_bill-billed = Заявка №{ $number }, сесия { $when }:
session_bill-bill_time = • { $minutes ->
        [one] отделена { $minutes } минута
       *[other] отделени { $minutes } минути
    }, за плащане { $billed ->
        [one] { $billed } минута
       *[other] { $billed } минути
    } (минимум { $min_hours ->
        [one] { $min_hours } час
       *[other] { $min_hours } часа
    }) по { $rate } на час: { $amount }
session_bill-bill_fee = • еднократна такса за свързване към системата за дистанционно обслужване: { $amount }
session_bill-bill_total = Общо за плащане: { $amount }
session_bill-sent = Сметката е изпратена на клиента.
session_bill-not_sent = Сметката не можа да се изпрати на клиента в бота (профилът е изтрит): съобщете му сумата сами.
session_bill-customer_title = Сесията по заявка №{ $number } ({ $when }) приключи. Сметка:
session_bill-customer_next = Мениджър ще изпрати данните за плащане. Благодарим, че се обърнахте към нас!
session_bill-card_bill = Проведена: { $minutes ->
        [one] { $minutes } минута
       *[other] { $minutes } минути
    }, за плащане { $billed ->
        [one] { $billed } минута
       *[other] { $billed } минути
    }; такса за свързване { $fee }; общо { $total }
