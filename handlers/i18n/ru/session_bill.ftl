## session_bill

session_bill-usage = Как ввести время консультации: /minutes N M, где N — номер заявки с карточки записи, M — затраченные минуты (целое число от 1 до { $max }). Например: /minutes 12 90
session_bill-bad_minutes = Минуты — целое число от 1 до { $max }. Ничего не изменилось.
session_bill-unknown_request = Заявки №{ $number } нет. Ничего не изменилось.
session_bill-not_a_booking = Заявка №{ $number } — не запись на консультацию. Ничего не изменилось.
session_bill-cancelled = Запись по заявке №{ $number } отменена, выставлять счёт не за что. Ничего не изменилось.
session_bill-not_started = Консультация по заявке №{ $number } назначена на { $when } и ещё не началась: время вводится после неё. Ничего не изменилось.
session_bill-already_billed = По заявке №{ $number } время уже введено: { $minutes ->
        [one] { $minutes } минута
        [few] { $minutes } минуты
       *[many] { $minutes } минут
    }, счёт { $amount }. Ничего не изменилось.
session_bill-billed = Заявка №{ $number }, консультация { $when }:
session_bill-bill_time = • { $minutes ->
        [one] затрачена { $minutes } минута
        [few] затрачено { $minutes } минуты
       *[many] затрачено { $minutes } минут
    }, к оплате { $billed ->
        [one] { $billed } минута
        [few] { $billed } минуты
       *[many] { $billed } минут
    } (минимум { $min_hours ->
        [one] { $min_hours } час
        [few] { $min_hours } часа
       *[many] { $min_hours } часов
    }) по { $rate } в час: { $amount }
session_bill-bill_fee = • разовая плата за подключение к системе удалённого обслуживания: { $amount }
session_bill-bill_total = Итого к оплате: { $amount }
session_bill-sent = Счёт отправлен клиенту.
session_bill-not_sent = Клиенту в бот отправить не удалось (аккаунт удалён) — сообщите сумму сами.
session_bill-customer_title = Консультация по заявке №{ $number } ({ $when }) завершена. Счёт:
session_bill-customer_next = Реквизиты для оплаты пришлёт менеджер. Спасибо, что обратились!
session_bill-card_bill = Проведено: { $minutes ->
        [one] { $minutes } минута
        [few] { $minutes } минуты
       *[many] { $minutes } минут
    }, к оплате { $billed ->
        [one] { $billed } минута
        [few] { $billed } минуты
       *[many] { $billed } минут
    }; плата за подключение { $fee }; итого { $total }
