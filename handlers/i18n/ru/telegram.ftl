## telegram

telegram-share_phone = 📱 Отправить мой номер телефона
telegram-choose_below = Или выберите:
telegram-file_too_big = Файл «{ $name }» больше 20 МБ: Telegram не передаёт ботам такие файлы. Пожалуйста, отправьте его на { -support-email }. Ничего не сохранено.
telegram-failed = Извините, не удалось обработать ваше сообщение. Менеджеры уже знают; пожалуйста, напишите ещё раз чуть позже.
telegram-set_aside = Обновление Telegram { $update } (чат { $chat }) не обработано после { $tries ->
        [one] { $tries } попытки
        [few] { $tries } попыток
       *[many] { $tries } попыток
    } и отложено: { $error }
telegram-topic_title = №{ $number } { $kind } · { $customer } · { $status }
telegram-command_start = Начать сначала
telegram-command_menu = Главное меню
telegram-command_help = Что умеет бот
telegram-command_cancel = Прервать текущий разговор
telegram-command_language = Сменить язык
telegram-command_mydata = Какие мои данные хранит бот
telegram-command_forget = Отозвать согласие и удалить мои данные
telegram-command_invite = Ссылка-приглашение для клиента
telegram-command_open = Открытые заявки
telegram-command_request = Заявка по номеру
telegram-command_find = Найти клиента
telegram-command_stats = Статистика
telegram-command_export = Выгрузить заявки (CSV)
telegram-command_web = Вход в веб-пульт менеджеров
telegram-command_announce = Объявление клиентам
telegram-command_announcements = Объявления: получать или нет
telegram-command_minutes = Ввести минуты сеанса
telegram-command_block = Заблокировать автора заявки
telegram-command_unblock = Разблокировать автора заявки
telegram-command_blocked = Заблокированные и их сообщения
telegram-command_other = Команда { $command }
