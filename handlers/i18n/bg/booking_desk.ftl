## booking_desk
## A manager cancels or moves a customer's remote session (the web desk's Bookings page,
## the "Cancel the booking" button of a booking's card).

booking_desk-use_buttons = Записването на клиент се отменя с бутона „Отмени записването“ на картата му, а се премества от страницата „Записвания“ на уеб пулта.
booking_desk-cancel_button = ✖ Отмени записването
booking_desk-ask_reason = Напишете причината за отмяната на записването по заявка №{ $number }: клиентът ще я получи в съобщението. /cancel — без отмяна.
booking_desk-cancelled = Записването по заявка №{ $number } за { $when } е отменено, клиентът е уведомен.
booking_desk-fee_passed = Еднократната такса за свързване премина към записването по заявка №{ $number } ({ $when }).
booking_desk-no_customer_chat = Клиентът няма чат с бота: уведомете го сами.
booking_desk-customer_cancelled = Вашата дистанционна сесия на { $when } (заявка №{ $number }) е отменена от мениджър. Причина: { $reason }
booking_desk-moved = Записването по заявка №{ $number } е преместено от { $old } на { $new }, клиентът е уведомен.
booking_desk-customer_moved = Мениджър премести вашата дистанционна сесия (заявка №{ $number }) от { $old } на { $new }, { $hours ->
        [one] { $hours } час
       *[other] { $hours } часа
    }. Ще ви напомня предишния ден и час преди началото.
booking_desk-not_found = Заявка №{ $number } няма записване. Нищо не е променено.
booking_desk-already_cancelled = Записването по заявка №{ $number } за { $when } вече е отменено. Нищо не е променено.
booking_desk-already_held = Сесията по заявка №{ $number } ({ $when }) вече е проведена. Нищо не е променено.
booking_desk-move_same_time = Записването по заявка №{ $number } и без това е за { $when }. Нищо не е променено.
booking_desk-move_too_soon = Записването може да се премести само към бъдещ час и не по-рано от { $hours ->
        [one] { $hours } час
       *[other] { $hours } часа
    } от сега; { $when } не става. Нищо не е променено.
booking_desk-move_outside_hours = { $when } е извън работното време (или сесията няма да приключи до края на работния ден). Нищо не е променено.
booking_desk-move_slot_taken = За { $when } всички консултанти вече са заети. Изберете друг час; нищо не е променено.
booking_desk-card_cancelled = Отменено от мениджър { $at }: { $reason }
booking_desk-card_moved = Преместено от мениджър { $at } (беше { $old })
