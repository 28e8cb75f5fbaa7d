## booking_desk
## A manager cancels or moves a customer's remote session (the web desk's Bookings page,
## the "Cancel the booking" button of a booking's card).

booking_desk-use_buttons = Запись клиента отменяют кнопкой «Отменить запись» на её карточке, а переносят на странице «Записи» веб-пульта.
booking_desk-cancel_button = ✖ Отменить запись
booking_desk-ask_reason = Напишите причину отмены записи по заявке №{ $number }: клиент получит её в сообщении. /cancel — не отменять.
booking_desk-cancelled = Запись по заявке №{ $number } на { $when } отменена, клиент предупреждён.
booking_desk-fee_passed = Разовая плата за подключение перешла на запись по заявке №{ $number } ({ $when }).
booking_desk-no_customer_chat = У клиента нет чата с ботом: сообщите ему сами.
booking_desk-customer_cancelled = Ваша запись на удалённую консультацию { $when } (заявка №{ $number }) отменена менеджером. Причина: { $reason }
booking_desk-moved = Запись по заявке №{ $number } перенесена с { $old } на { $new }, клиент предупреждён.
booking_desk-customer_moved = Менеджер перенёс вашу удалённую консультацию (заявка №{ $number }) с { $old } на { $new }, { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    }. Накануне и за час до начала я напомню.
booking_desk-not_found = Записи по заявке №{ $number } нет. Ничего не изменилось.
booking_desk-already_cancelled = Запись по заявке №{ $number } на { $when } уже отменена. Ничего не изменилось.
booking_desk-already_held = Консультация по заявке №{ $number } ({ $when }) уже проведена. Ничего не изменилось.
booking_desk-move_same_time = Запись по заявке №{ $number } и так назначена на { $when }. Ничего не изменилось.
booking_desk-move_too_soon = Перенести можно только на время в будущем и не раньше чем через { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    } от текущего момента; { $when } не подходит. Ничего не изменилось.
booking_desk-move_outside_hours = { $when } — вне рабочего времени (или консультация не успеет закончиться до конца рабочего дня). Ничего не изменилось.
booking_desk-move_slot_taken = На { $when } все консультанты уже заняты. Выберите другое время; ничего не изменилось.
booking_desk-card_cancelled = Отменено менеджером { $at }: { $reason }
booking_desk-card_moved = Перенесено менеджером { $at } (было { $old })
