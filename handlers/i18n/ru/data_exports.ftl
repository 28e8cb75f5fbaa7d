## data_exports

data_exports-yes = да
data_exports-no = нет
data_exports-request_number = Номер заявки
data_exports-kind = Вид заявки
data_exports-status = Статус
data_exports-created = Подана
data_exports-updated = Изменена
data_exports-customer = Клиент
data_exports-company = Компания
data_exports-phone = Телефон
data_exports-verified = Клиент проверен
data_exports-license = Лицензия
data_exports-key = Ключ
data_exports-amount = Сумма
data_exports-manager = Ведёт
data_exports-first_answer = Первый ответ менеджера
data_exports-rating = Оценка клиента
data_exports-email = Эл. почта
data_exports-resident = Резидент РФ
data_exports-language = Язык
data_exports-licenses = Лицензий
data_exports-keys = Ключей
data_exports-accounts = Аккаунтов в мессенджерах
data_exports-open_requests = Открытых заявок
data_exports-next_support_end = Ближайшее окончание поддержки
