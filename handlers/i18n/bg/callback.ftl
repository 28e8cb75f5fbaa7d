## callback

callback-menu = Обадете ми се
callback-after_hours = В момента работният ни ден приключи. Оставете телефона си и ще Ви се обадим в удобно за Вас време!
callback-hours = Работно време: { $days }, { $start }–{ $end } ({ $zone }), без официалните празници.
callback-self_service = Изчислението за подновяване на поддръжката и другите точки от менюто работят денонощно — можете да ги ползвате веднага.
callback-offer_working = Оставете телефона си и мениджър ще Ви се обади в удобно време.
callback-offer_hint = Натиснете „Оставям телефон“ или се върнете в главното меню.
callback-leave_phone = Оставям телефон
callback-ask_phone = Оставете телефон за обратно обаждане: споделете номера си или го напишете, например +359 888 123 456.
callback-phone_hint = Не разпознах телефонния номер. Напишете го изцяло, например +359 888 123 456 или +7 999 000-11-22.
callback-use_my_phone = Моят телефон { $phone }
callback-not_your_contact = Това е чужд контакт и не мога да го приема. Споделете своя номер или напишете номера, на който да Ви се обадим.
callback-ask_when = Кога Ви е удобно да приемете обаждането? Изберете с бутон или напишете своето време.
callback-when_morning = Сутринта: { $when }
callback-when_afternoon = След обед: { $when }
callback-when_any = По всяко време
callback-when_other = Друго време — ще го напиша
callback-when_hint = Изберете време с бутон или го напишете.
callback-ask_when_text = Напишете кога Ви е удобно, например: „във вторник след 15:00“.
callback-when_text_hint = Напишете удобното време с текст.
callback-too_long = Твърде дълго: най-много { $limit ->
        [one] { $limit } знак
       *[other] { $limit } знака
    }. Моля, съкратете.
callback-ask_topic = За какво е обаждането? Изберете тема или напишете няколко думи.
callback-topic_hint = Изберете тема с бутон или я напишете.
callback-topic_button_renewal = Подновяване на поддръжката
callback-topic_button_key = Защитен ключ
callback-topic_button_booking = Дистанционна помощ
callback-topic_button_other = Друго
callback-topic_renewal = подновяване на поддръжката
callback-topic_key = защитен ключ
callback-topic_booking = дистанционна помощ
callback-topic_transfer = прехвърляне на лицензи
callback-topic_support = техническа поддръжка
callback-topic_general = въпрос към мениджър
callback-topic_other = друго
callback-today = днес
callback-tomorrow = утре
# $weekday: the CLDR name (понеделник); $weekday_number: ISO 1–7 («във вторник»).
callback-on_day = { $weekday_number ->
        [2] във { $weekday }
       *[other] в { $weekday }
    }, { $date },
callback-day_from = { $day } от { $time }
callback-filed = Заявка №{ $number } за обратно обаждане е приета.
callback-expect_at = Очаквайте обаждане на номер { $phone } { $when }.
callback-expect_soon = Мениджър ще Ви се обади на номер { $phone } скоро, днес до { $end }.
callback-expect_typed = Ще Ви се обадим на номер { $phone } в посоченото от Вас време: „{ $when }“.
callback-outside_hours = Сега е извън работно време: мениджърите ще поемат заявката { $when }.
callback-card_phone = Телефон: { $phone }
callback-card_when_from = Удобно време: от { $when }
callback-card_when_any = Удобно време: всяко
callback-card_when_typed = Удобно време (по думите на клиента): { $when_text }
callback-card_topic = Тема: { $topic }
callback-card_topic_typed = Тема: { $topic_text }
callback-card_next_morning = Оставена извън работно време — за следващата работна сутрин, { $when }
callback-when_not_understood = Не разбрах кога да се обадим: „{ $text }“. Напишете ден и час, например: „утре следобед“, „в понеделник в 15:30“ или „07.12.2026 10:00“.
callback-when_understood = Разбрах така: { $when }. Вярно ли е?
callback-when_yes = Да, вярно
callback-when_change = Промяна
callback-when_window = { $weekday }, { $date }, { $start }–{ $end }
callback-when_at = { $weekday }, { $date }, { $time }
callback-expect_understood = Очаквайте обаждане на номер { $phone }: { $when }.
callback-card_when_window = Удобно време: { $start } – { $end } (клиентът написа: „{ $when_text }“)
callback-card_when_at = Удобно време: { $when } (клиентът написа: „{ $when_text }“)
