web-title = Пульт менеджеров
web-nav_requests = Заявки
web-language = Язык
web-language_ru = Русский
web-language_en = English
web-language_bg = Български
web-language_choose = Сменить
web-sign_out = Выйти
web-sign_in_title = Вход в пульт менеджеров
web-login = Логин
web-password = Пароль
web-sign_in = Войти
web-sign_in_hint = Нет пароля? Напишите боту /web в личном чате — он пришлёт ссылку для входа.
web-sign_in_wrong = Неверный логин или пароль.
web-sign_in_too_many = Слишком много неудачных попыток. Попробуйте снова через { $minutes ->
        [one] { $minutes } минуту
        [few] { $minutes } минуты
       *[many] { $minutes } минут
    }.
web-link_invalid = Ссылка для входа уже использована или устарела. Попросите новую: напишите боту /web.
web-link_confirm = Нажмите «Войти», чтобы войти в пульт по этой ссылке. Ссылка сработает один раз.
web-count_open = Открыто: { $count }
web-count_new = Новых: { $count }
web-count_overdue = Просрочено: { $count }
web-count_documents = Ждут документов: { $count }
web-filter_search = Поиск
web-filter_search_hint = клиент, телефон, лицензия, ключ, номер заявки
web-filter_status = Статус
web-status_open = Открытые
web-status_all = Все
web-any = Любой
web-filter_kind = Тип
web-filter_manager = Менеджер
web-manager_mine = Мои
web-manager_none = Никем не взятые
web-filter_documents = Ждут документов
web-filter_overdue = Просрочен первый ответ
web-filter_apply = Показать
web-found = { $count ->
        [one] Найдена { $count } заявка
        [few] Найдено { $count } заявки
       *[many] Найдено { $count } заявок
    }
web-column_number = Номер
web-column_kind = Тип
web-column_status = Статус
web-column_customer = Клиент
web-column_filed = Подана
web-column_manager = Менеджер
web-overdue = просрочена
web-page_previous = ← Назад
web-page_next = Дальше →
web-page_of = Страница { $page } из { $pages }
web-back_to_list = ← К списку заявок
web-answer = Ответ на вопрос бота
web-send = Отправить
web-cancel = Отменить
web-reply = Ответ клиенту
web-reply_send = Отправить ответ
web-reject_reason = Причина отказа
web-reject_send = Отклонить
web-minutes = Минуты сеанса
web-minutes_send = Выставить счёт
web-files = Файлы
web-file_view = открыть
web-file_not_yet = ещё не загружен
web-history = История
web-text_empty = Сначала напишите текст.
web-nav_bookings = Записи
web-bookings_weeks = Недели
web-bookings_previous = ← Предыдущая неделя
web-bookings_this_week = Эта неделя
web-bookings_next = Следующая неделя →
web-bookings_go_to = Неделя с датой
web-bookings_show = Показать
web-bookings_not_a_date = Дата не распознана: выберите её в календаре. Показана текущая неделя.
web-bookings_week = Неделя с { $first } по { $last }
web-bookings_zone = время: { $zone }
web-bookings_time = Время
web-bookings_day_off = выходной
web-bookings_kind_backup = проверка копии
web-bookings_kind_direct = подключение
web-bookings_status_confirmed = записан
web-bookings_status_done = проведена
web-bookings_status_cancelled = отменена
web-bookings_change = Перенести или отменить
web-bookings_continues = продолжение
web-bookings_free = свободно { $count } из { $of }
web-bookings_back = ← К неделе
web-bookings_booking = Запись по заявке №{ $number }
web-bookings_who = Клиент
web-bookings_when = Начало
web-bookings_hours = { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    }
web-bookings_kind = Вид
web-bookings_state = Состояние
web-bookings_request = Открыть заявку №{ $number }
web-bookings_move = Перенести
web-bookings_move_day = День
web-bookings_move_show = Показать свободное время
web-bookings_move_free = Свободное время на { $day }
web-bookings_move_send = Перенести и предупредить клиента
web-bookings_move_none = На { $day } свободного времени нет: выберите другой день.
web-bookings_cancel = Отменить
web-bookings_cancel_reason = Причина (клиент получит её в сообщении)
web-bookings_cancel_send = Отменить запись и предупредить клиента
web-bookings_not_changeable = Эта запись уже отменена или проведена: её нельзя перенести или отменить.
web-nav_figures = Показатели
web-figures_this_month = Этот месяц
web-figures_last_30_days = Последние 30 дней
web-figures_custom = Даты
web-figures_from = с
web-figures_to = по
web-figures_period = С { $first } по { $last }
web-figures_not_a_date = Выберите обе даты периода («с» и «по»). Показан этот месяц.
web-figures_backwards = Период кончается раньше, чем начинается: дата «по» должна быть не раньше даты «с». Показан этот месяц.
web-figures_too_long = Слишком длинный период: не больше { $days ->
        [one] { $days } дня
        [few] { $days } дней
       *[many] { $days } дней
    }. Показан этот месяц.
web-nav_data = Данные
web-data_import = Загрузка клиентов, лицензий и ключей
web-data_import_hint = CSV-файл из учёта вендора (формат описан в README), до { $max_mb } МБ. Строки с ошибками пропускаются и перечисляются, остальные загружаются.
web-data_import_send = Загрузить
web-data_no_file = Сначала выберите CSV-файл.
web-data_importing = Загружаем: { $done } из { $total } строк…
web-data_import_errors = Не загруженные строки
web-data_back = ← К данным
web-data_export = Выгрузки (CSV для Excel)
web-data_export_requests = Все заявки
web-data_export_customers = Все клиенты
web-data_file_requests = заявки
web-data_file_customers = клиенты

## What a page says to bad input (nothing changed).
web-problem_back = ← Вернуться в пульт
web-problem_sign_in_first = Войдите в пульт, чтобы продолжить.
web-problem_form_expired = Форма устарела: откройте страницу заново и повторите.
web-problem_no_page = Такой страницы в пульте нет.
web-problem_no_request = Такой заявки нет.
web-problem_no_file = Такого файла у этой заявки нет.
web-problem_no_booking = Такой записи на сеанс нет.
web-problem_no_import = Такой загрузки нет.
web-problem_no_announcement = Такого объявления нет.
web-problem_button_gone = Этой кнопки на странице уже нет: откройте заявку заново.
web-problem_nothing_asked = Сейчас здесь ничего не спрашивается: откройте заявку заново.
web-problem_minutes_number = Минуты указываются целым числом и только у заявки на сеанс.
web-problem_choose_start = Выберите время начала.
web-problem_unknown_language = Такого языка в пульте нет.
