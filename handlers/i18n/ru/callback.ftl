## callback

callback-menu = Перезвоните мне
callback-after_hours = В настоящее время наш рабочий день закончен. Оставьте свой телефон, и мы перезвоним в удобное для вас время!
callback-hours = Рабочее время: { $days }, { $start }–{ $end } ({ $zone }), кроме праздничных дней.
callback-self_service = Расчёт продления поддержки и другие разделы меню работают круглосуточно — ими можно пользоваться прямо сейчас.
callback-offer_working = Оставьте свой телефон, и менеджер перезвонит вам в удобное время.
callback-offer_hint = Нажмите «Оставить телефон» или вернитесь в главное меню.
callback-leave_phone = Оставить телефон
callback-ask_phone = Оставьте телефон для обратного звонка: поделитесь номером или напишите его, например +7 999 000-11-22.
callback-phone_hint = Не понял номер телефона. Напишите его полностью, например +7 999 000-11-22 или 8 999 000-11-22.
callback-use_my_phone = Мой телефон { $phone }
callback-not_your_contact = Это чужой контакт, его я не приму. Поделитесь своим номером или напишите номер, по которому вам позвонить.
callback-ask_when = Когда вам удобно принять звонок? Выберите кнопкой или напишите своё время.
callback-when_morning = Утром: { $when }
callback-when_afternoon = После обеда: { $when }
callback-when_any = В любое время
callback-when_other = Другое время — напишу
callback-when_hint = Выберите время кнопкой или напишите его.
callback-ask_when_text = Напишите, когда вам удобно, например: «во вторник после 15:00».
callback-when_text_hint = Напишите удобное время текстом.
callback-too_long = Слишком длинно: не больше { $limit ->
        [one] { $limit } символа
        [few] { $limit } символов
       *[many] { $limit } символов
    }. Напишите короче.
callback-ask_topic = О чём звонок? Выберите тему или напишите пару слов.
callback-topic_hint = Выберите тему кнопкой или напишите её текстом.
callback-topic_button_renewal = Продление поддержки
callback-topic_button_key = Ключ защиты
callback-topic_button_booking = Удалённая консультация
callback-topic_button_other = Другое
callback-topic_renewal = продление поддержки
callback-topic_key = ключ защиты
callback-topic_booking = удалённая консультация
callback-topic_transfer = перенос лицензий
callback-topic_support = техническая поддержка
callback-topic_general = вопрос менеджеру
callback-topic_other = другое
callback-today = сегодня
callback-tomorrow = завтра
# $weekday: the CLDR name (понедельник); $weekday_number: ISO 1–7. After «в» Russian
# takes the accusative, which differs from the name for среда, пятница, суббота; «во вторник».
callback-on_day = { $weekday_number ->
        [2] во вторник
        [3] в среду
        [5] в пятницу
        [6] в субботу
       *[other] в { $weekday }
    }, { $date },
callback-day_from = { $day } с { $time }
callback-filed = Заявка №{ $number } на обратный звонок принята.
callback-expect_at = Ждите звонка на номер { $phone } { $when }.
callback-expect_soon = Менеджер позвонит на номер { $phone } в ближайшее время, сегодня до { $end }.
callback-expect_typed = Мы позвоним на номер { $phone } в указанное вами время: «{ $when }».
callback-outside_hours = Сейчас нерабочее время: менеджеры возьмут заявку в работу { $when }.
callback-card_phone = Телефон: { $phone }
callback-card_when_from = Удобное время: с { $when }
callback-card_when_any = Удобное время: любое
callback-card_when_typed = Удобное время (со слов клиента): { $when_text }
callback-card_topic = Тема: { $topic }
callback-card_topic_typed = Тема: { $topic_text }
callback-card_next_morning = Оставлена в нерабочее время — на следующее рабочее утро, { $when }
callback-when_not_understood = Не понял, когда позвонить: «{ $text }». Напишите день и время, например: «завтра после обеда», «в понедельник в 15:30» или «07.12.2026 10:00».
callback-when_understood = Понял так: { $when }. Верно?
callback-when_yes = Да, верно
callback-when_change = Изменить
callback-when_window = { $weekday }, { $date }, { $start }–{ $end }
callback-when_at = { $weekday }, { $date }, { $time }
callback-expect_understood = Ждите звонка на номер { $phone }: { $when }.
callback-card_when_window = Удобное время: { $start } – { $end } (клиент написал: «{ $when_text }»)
callback-card_when_at = Удобное время: { $when } (клиент написал: «{ $when_text }»)
