web-title = Пулт на мениджърите
web-nav_requests = Заявки
web-language = Език
web-language_ru = Русский
web-language_en = English
web-language_bg = Български
web-language_choose = Смени
web-sign_out = Изход
web-sign_in_title = Вход в пулта на мениджърите
web-login = Потребителско име
web-password = Парола
web-sign_in = Вход
web-sign_in_hint = Нямате парола? Напишете /web на бота в личен чат: той ще ви изпрати линк за вход.
web-sign_in_wrong = Грешно потребителско име или парола.
web-sign_in_too_many = Твърде много неуспешни опити. Опитайте отново след { $minutes ->
        [one] { $minutes } минута
       *[other] { $minutes } минути
    }.
web-link_invalid = Този линк за вход вече е използван или е изтекъл. Поискайте нов: напишете /web на бота.
web-link_confirm = Натиснете „Вход“, за да влезете в пулта с този линк. Линкът работи веднъж.
web-count_open = Отворени: { $count }
web-count_new = Нови: { $count }
web-count_overdue = Просрочени: { $count }
web-count_documents = Чакат документи: { $count }
web-filter_search = Търсене
web-filter_search_hint = клиент, телефон, лиценз, ключ, номер на заявка
web-filter_status = Статус
web-status_open = Отворени
web-status_all = Всички
web-any = Всеки
web-filter_kind = Вид
web-filter_manager = Мениджър
web-manager_mine = Моите
web-manager_none = Непоети
web-filter_documents = Чакат документи
web-filter_overdue = Просрочен първи отговор
web-filter_apply = Покажи
web-found = { $count ->
        [one] Намерена е { $count } заявка
       *[other] Намерени са { $count } заявки
    }
web-column_number = Номер
web-column_kind = Вид
web-column_status = Статус
web-column_customer = Клиент
web-column_filed = Подадена
web-column_manager = Мениджър
web-overdue = просрочена
web-page_previous = ← Назад
web-page_next = Напред →
web-page_of = Страница { $page } от { $pages }
web-back_to_list = ← Към заявките
web-answer = Отговор на въпроса на бота
web-send = Изпрати
web-cancel = Отказ
web-reply = Отговор на клиента
web-reply_send = Изпрати отговора
web-reject_reason = Причина за отказа
web-reject_send = Откажи
web-minutes = Минути на сесията
web-minutes_send = Издай сметка
web-files = Файлове
web-file_view = отвори
web-file_not_yet = още не е изтеглен
web-history = История
web-text_empty = Първо напишете текста.
web-nav_bookings = Записвания
web-bookings_weeks = Седмици
web-bookings_previous = ← Предишна седмица
web-bookings_this_week = Тази седмица
web-bookings_next = Следваща седмица →
web-bookings_go_to = Седмица с дата
web-bookings_show = Покажи
web-bookings_not_a_date = Датата не е разпозната: изберете я от календара. Показана е текущата седмица.
web-bookings_week = Седмица от { $first } до { $last }
web-bookings_zone = час: { $zone }
web-bookings_time = Час
web-bookings_day_off = почивен ден
web-bookings_kind_backup = проверка на копие
web-bookings_kind_direct = свързване
web-bookings_status_confirmed = записан
web-bookings_status_done = проведена
web-bookings_status_cancelled = отменена
web-bookings_change = Премести или отмени
web-bookings_continues = продължение
web-bookings_free = свободни { $count } от { $of }
web-bookings_back = ← Към седмицата
web-bookings_booking = Записване по заявка №{ $number }
web-bookings_who = Клиент
web-bookings_when = Начало
web-bookings_hours = { $hours ->
        [one] { $hours } час
       *[other] { $hours } часа
    }
web-bookings_kind = Вид
web-bookings_state = Състояние
web-bookings_request = Отвори заявка №{ $number }
web-bookings_move = Премести
web-bookings_move_day = Ден
web-bookings_move_show = Покажи свободните часове
web-bookings_move_free = Свободни часове на { $day }
web-bookings_move_send = Премести и уведоми клиента
web-bookings_move_none = На { $day } няма свободно време: изберете друг ден.
web-bookings_cancel = Отмени
web-bookings_cancel_reason = Причина (клиентът ще я получи в съобщението)
web-bookings_cancel_send = Отмени записването и уведоми клиента
web-bookings_not_changeable = Това записване вече е отменено или проведено: не може да се премести или отмени.
web-nav_figures = Показатели
web-figures_this_month = Този месец
web-figures_last_30_days = Последните 30 дни
web-figures_custom = Дати
web-figures_from = от
web-figures_to = до
web-figures_period = От { $first } до { $last }
web-figures_not_a_date = Изберете двете дати на периода („от“ и „до“). Показан е този месец.
web-figures_backwards = Периодът свършва, преди да започне: датата „до“ трябва да е същата или след датата „от“. Показан е този месец.
web-figures_too_long = Периодът е твърде дълъг: най-много { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    }. Показан е този месец.
web-nav_data = Данни
web-data_import = Зареждане на клиенти, лицензи и ключове
web-data_import_hint = CSV файлът от счетоводството на доставчика (форматът е в README), до { $max_mb } MB. Редовете с грешки се пропускат и изброяват, останалите се зареждат.
web-data_import_send = Зареди
web-data_no_file = Първо изберете CSV файл.
web-data_importing = Зареждане: { $done } от { $total } реда…
web-data_import_errors = Незаредени редове
web-data_back = ← Към данните
web-data_export = Изтегляния (CSV за Excel)
web-data_export_requests = Всички заявки
web-data_export_customers = Всички клиенти
web-data_file_requests = заявки
web-data_file_customers = клиенти

## What a page says to bad input (nothing changed).
web-problem_back = ← Обратно към пулта
web-problem_sign_in_first = Влезте в пулта, за да продължите.
web-problem_form_expired = Формулярът е остарял: отворете страницата отново и повторете.
web-problem_no_request = Няма такава заявка.
web-problem_no_file = Тази заявка няма такъв файл.
web-problem_no_booking = Няма такъв записан сеанс.
web-problem_no_import = Няма такова зареждане.
web-problem_no_announcement = Няма такова обявление.
web-problem_button_gone = Този бутон вече не е на страницата: отворете заявката отново.
web-problem_nothing_asked = В момента тук нищо не се пита: отворете заявката отново.
web-problem_minutes_number = Минутите са цяло число и само за заявка за сеанс.
web-problem_choose_start = Изберете начален час.
web-problem_unknown_language = В пулта няма такъв език.
