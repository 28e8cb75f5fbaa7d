## booking

booking-menu = Удалённая консультация
booking-kind_question =
    Удалённая консультация — как выезд специалиста, только без дороги: её назначают заранее, не раньше чем через { $notice ->
        [one] { $notice } час
        [few] { $notice } часа
       *[many] { $notice } часов
    }, на свободное время в рабочие часы.
booking-kind_about_backup = 💾 Проверка резервной копии: вы делаете резервную копию встроенными средствами программы и присылаете её (на { -support-email } или файлом сюда). Консультант смотрит данные и отвечает по телефону или возвращает исправленную копию.
booking-kind_about_direct = 🖥 Прямое подключение: консультант подключается к вашему компьютеру через { -remote-tool(case: "acc") }; { $voice ->
        [none] вы видите всё, что он делает.
       *[named] вы видите всё, что он делает, и говорите с ним через { -voice-tool(case: "acc") }.
    }
booking-kind_price =
    Стоимость: { $rate } в час по фактическому времени, минимум { $min_hours ->
        [one] { $min_hours } час
        [few] { $min_hours } часа
       *[many] { $min_hours } часов
    }.
booking-kind_price_fee = Для прямого подключения при первом сеансе — разовая плата за подключение { $fee }.
booking-kind_pick = Какой вид консультации нужен?
booking-kind_hint = Выберите вид консультации кнопкой.
booking-kind_backup = 💾 Проверка резервной копии
booking-kind_direct = 🖥 Прямое подключение
booking-kind_name_backup = проверка резервной копии
booking-kind_name_direct = прямое подключение к компьютеру
booking-my_bookings = Мои записи
booking-my_bookings_count = Мои записи ({ $count })
booking-new = Новая запись
booking-ask_problem_backup = Опишите проблему: что вы делали, что пошло не так, текст ошибки. Подробное описание поможет консультанту разобраться в резервной копии.
booking-ask_problem_direct = Опишите проблему: что вы делали, что пошло не так, текст ошибки. Подробное описание поможет консультанту подготовиться к сеансу.
booking-problem_hint = Напишите описание проблемы текстом, хотя бы одно-два предложения. Файл резервной копии можно будет прислать после записи.
booking-problem_too_long = Описание слишком длинное ({ $length ->
        [one] { $length } знак
        [few] { $length } знака
       *[many] { $length } знаков
    }, можно до { $max }). Сократите его, подробности расскажете консультанту.
booking-ask_phone = Телефон для связи с консультантом: поделитесь своим номером кнопкой или напишите его, например +7 999 123-45-67.
booking-use_known_phone = Использовать { $phone }
booking-phone_hint = Не понял номер. Напишите его полностью, с кодом: например +7 999 123-45-67 или 8 999 123-45-67.
booking-pick_day = Выберите день консультации (показаны рабочие дни, где есть свободное время) или напишите, когда вам удобно, например: «завтра в 11:00».
booking-day_hint = Выберите день кнопкой или напишите его словами, например: «завтра» или «в среду в 14:00».
booking-day_button = { $weekday }, { $date }
booking-day_gone = На этот день записаться уже нельзя. Выберите другой.
booking-day_full = На { $day } свободного времени не осталось.
booking-no_days = В ближайшие { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    } свободного времени для консультации нет. Напишите менеджеру — он подберёт время.
booking-pick_time = { $day }: выберите время начала (часовой пояс: { $zone }):
booking-time_hint = Выберите время начала кнопкой или напишите его, например: «15:00».
booking-time_gone = Это время уже недоступно. Выберите другое.
booking-too_soon = Консультацию не проводят сразу в момент обращения: её назначают заранее, не раньше чем через { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    } от текущего момента.
booking-earliest = Ближайшее свободное время: { $when }.
booking-time_not_free = На { $when } записаться нельзя: это время занято или вне рабочих часов. Выберите из свободного.
booking-day_not_bookable = На { $day } записаться пока нельзя: запись открыта на ближайшие { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    }.
booking-other_day = « Другой день
booking-other_time = « Другое время
booking-pick_duration = Начало: { $when }. Сколько примерно времени понадобится?
booking-duration_hint = Выберите продолжительность кнопкой.
booking-duration_button = { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    }
booking-duration_gone = Такая продолжительность в это время уже не помещается. Выберите другую.
booking-estimate_title = Предварительная стоимость:
booking-estimate_time = • время: { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    } × { $rate } = { $amount }
booking-estimate_fee = • разовая плата за подключение к системе удалённого обслуживания (первый сеанс прямого подключения: лицензия { -remote-tool(case: "gen") } и проверка установленных программ): { $amount }
booking-estimate_no_fee = • разовая плата за подключение не нужна: она уже оплачена или входит в другую вашу запись на прямое подключение
booking-estimate_total = Итого по оценке: { $amount }
booking-estimate_note = Окончательная сумма — по фактически затраченному времени, но не меньше { $min_hours ->
        [one] { $min_hours } часа
        [few] { $min_hours } часов
       *[many] { $min_hours } часов
    }.
booking-estimate_changed = Стоимость изменилась, пока вы оформляли запись. Посмотрите новую оценку и подтвердите условия ещё раз.
booking-consent_pay = Условие { $number } из { $total }. Консультация оплачивается по фактически затраченному времени, минимум { $min_hours ->
        [one] { $min_hours } час
        [few] { $min_hours } часа
       *[many] { $min_hours } часов
    }. Если вы прервёте сеанс, использованное время оплачивается.
booking-consent_access = Условие { $number } из { $total }. Консультант получит доступ к вашему компьютеру только на время сеанса. Вы видите всё, что он делает, и можете прервать подключение в любой момент. После сеанса доступа нет, пока вы снова не разрешите его при новом обращении.
booking-consent_backup = Условие { $number } из { $total }. До начала сеанса сделайте резервную копию данных встроенными средствами программы: связь может неожиданно прерваться. Брандмауэр или антивирус могут заблокировать подключение — тогда их нужно будет настроить или на время отключить.
booking-consent_pay_review = Условие оплаты. Проверка резервной копии оплачивается по времени, которое консультант фактически потратит на вашу проблему (разбор данных, ответ по телефону или исправление копии), минимум { $min_hours ->
        [one] { $min_hours } час
        [few] { $min_hours } часа
       *[many] { $min_hours } часов
    }.
booking-agree_pay = ✅ Согласен(на) оплатить затраченное время
booking-agree_access = ✅ Разрешаю доступ только на время сеанса
booking-agree_backup = ✅ Понятно, сделаю резервную копию
booking-decline = Не согласен(на)
booking-declined = Без этого согласия записать на консультацию я не могу. Ничего не сохранено. Если есть вопросы по условиям — напишите менеджеру.
booking-consent_pay_hint = Чтобы продолжить, нажмите кнопку согласия под условием (или «Не согласен(на)»).
booking-consent_access_hint = Чтобы продолжить, нажмите кнопку согласия под условием (или «Не согласен(на)»).
booking-consent_backup_hint = Чтобы продолжить, нажмите кнопку под условием (или «Не согласен(на)»).
booking-consent_name_pay = оплата затраченного времени
booking-consent_name_access = удалённый доступ на время сеанса
booking-consent_name_backup = резервная копия до сеанса
booking-confirm_summary =
    Проверьте запись:
    Вид: { $kind }
    Начало: { $when }
    Продолжительность: { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    }
    Телефон: { $phone }
    Стоимость по оценке: { $total }
booking-confirm = ✅ Подтвердить запись
booking-confirm_hint = Нажмите «Подтвердить запись» или выберите другое время.
booking-slot_just_taken = Это время только что заняли. Выберите другое из оставшихся.
booking-booked = Готово, вы записаны! Заявка №{ $number }: { $kind }, { $when }, { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    }. Накануне и за час до начала я напомню.
booking-prepare_backup = Что подготовить: сделайте резервную копию встроенными средствами программы и пришлите её на { -support-email } или файлом в этот чат (до { $max_mb } МБ; { $types }). Консультант ответит по телефону или вернёт исправленную копию.
booking-prepare_direct = Что подготовить: до начала сеанса сделайте резервную копию данных встроенными средствами программы — связь может прерваться. Будьте у компьютера с интернетом; { $voice ->
        [none] заранее установите на него { -remote-tool(case: "acc") }.
       *[named] заранее установите на него { -remote-tool(case: "acc") } и { -voice-tool(case: "acc") }.
    } Брандмауэр или антивирус могут заблокировать подключение: будьте готовы их настроить.
booking-change_rule = Отменить или перенести запись можно в «Мои записи» не позже чем за { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    } до начала.
booking-what_next = Что-нибудь ещё?
booking-send_backup = Пришлите файл резервной копии сюда, в чат (до { $max_mb } МБ; { $types }), или на { -support-email }. Можно и позже — до начала консультации.
booking-send_backup_button = Прислать резервную копию
booking-backup_file_hint = Пришлите резервную копию файлом (документом) или нажмите «Пришлю позже».
booking-backup_later = Пришлю позже
booking-backup_later_ok = Хорошо. Пришлите файл в этот чат до начала консультации — я приложу его к записи.
booking-backup_received = Резервная копия получена: { $names }. Она приложена к заявке №{ $number } (консультация { $when }).
booking-backup_anything_else = Спасибо! Что-нибудь ещё?
booking-mine_title = Ваши предстоящие консультации ({ $count }). Выберите запись:
booking-mine_hint = Выберите запись кнопкой.
booking-none_upcoming = Предстоящих консультаций у вас нет.
booking-booking_button = { $when } · { $kind }
booking-view =
    Заявка №{ $number }: { $kind }
    Начало: { $when }
    Продолжительность: { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    }
    Стоимость по оценке: { $total }
booking-changeable_until = Отменить или перенести можно до { $when }.
booking-not_changeable = До начала меньше { $hours ->
        [one] { $hours } часа
        [few] { $hours } часов
       *[many] { $hours } часов
    }: отменить или перенести запись здесь уже нельзя, только через менеджера.
booking-booking_hint = Выберите действие кнопкой.
booking-move = Перенести
booking-cancel = Отменить
booking-not_yours = Такой записи среди ваших предстоящих нет. Ничего не изменилось.
booking-stale = Этот шаг записи устарел. Начните заново из меню или откройте «Мои записи».
booking-too_late = До начала меньше { $hours ->
        [one] { $hours } часа
        [few] { $hours } часов
       *[many] { $hours } часов
    } — отменить или перенести запись здесь уже нельзя. Могу передать менеджеру, чтобы он связался с вами.
booking-ask_manager = Попросить менеджера связаться
booking-manager_asked = Передал менеджерам: они свяжутся с вами по телефону { $phone }.
booking-manager_asked_before = Я уже передал вашу просьбу менеджерам; они свяжутся с вами по телефону { $phone }.
booking-manager_change_asked = Клиент просит изменить или отменить запись по заявке №{ $number } ({ $when }) — до начала слишком мало времени для изменения в боте. Телефон: { $phone }.
booking-cancel_question = Отменить консультацию { $when }?
booking-cancel_yes = Да, отменить
booking-cancel_no = Нет, оставить
booking-cancel_confirm_hint = Нажмите «Да, отменить» или «Нет, оставить».
booking-cancelled = Запись на { $when } отменена. Менеджеры предупреждены.
booking-fee_moved = Разовая плата за подключение ({ $amount }) переходит на вашу запись { $when }: стоимость по оценке теперь { $total }.
booking-move_question = Перенести консультацию с { $old } на { $new } ({ $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    })?
booking-move_yes = ✅ Перенести
booking-move_confirm_hint = Нажмите «Перенести» или выберите другое время.
booking-moved = Запись перенесена: { $when }, { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    }. Менеджеры предупреждены; накануне и за час до начала я напомню.
booking-when = { $weekday }, { $date }, { $time } ({ $zone })
booking-card_kind = Вид: { $kind }
booking-card_start = Начало: { $start }, { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    }
booking-card_phone = Телефон: { $phone }
booking-card_problem = Проблема: { $problem }
booking-card_time = Время по оценке: { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    } × { $rate } = { $amount }
booking-card_fee = Разовая плата за подключение (первый сеанс прямого подключения): { $amount }
booking-card_fee_passed = Разовая плата за подключение перенесена сюда с отменённой заявки №{ $number }
booking-card_fee_billed = Разовая плата за подключение уже выставлена в счёте по заявке №{ $number }
booking-done_unbilled = Время сессии по заявке №{ $number } не введено: счёт клиенту не выставлен. Когда сессия пройдёт, введите минуты: /minutes { $number } <минуты>
booking-card_total = Итого по оценке: { $amount }
booking-card_consent = Согласие «{ $consent }»: { $at }
booking-card_moved = Перенесено клиентом { $at } (было { $old })
