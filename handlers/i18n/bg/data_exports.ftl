## data_exports

data_exports-yes = да
data_exports-no = не
data_exports-request_number = Номер на заявката
data_exports-kind = Вид заявка
data_exports-status = Статус
data_exports-created = Подадена
data_exports-updated = Последна промяна
data_exports-customer = Клиент
data_exports-company = Фирма
data_exports-phone = Телефон
data_exports-verified = Клиентът е проверен
data_exports-license = Лиценз
data_exports-key = Ключ
data_exports-amount = Сума
data_exports-manager = Обработва
data_exports-first_answer = Първи отговор на мениджър
data_exports-rating = Оценка на клиента
data_exports-email = Имейл
data_exports-resident = Резидент на Русия
data_exports-language = Език
data_exports-licenses = Лицензи
data_exports-keys = Ключове
data_exports-accounts = Профили в месинджъри
data_exports-open_requests = Отворени заявки
data_exports-next_support_end = Най-близък край на поддръжката
