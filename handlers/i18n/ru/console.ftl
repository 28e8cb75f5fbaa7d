## console
## The console channel's own chrome (python -m bot console): what it prints around the
## bot's messages. Its first texts (console-no_such_file, console-demo_signed_in) are in
## common.ftl.

console-customer_name = Клиент в консоли
console-manager_name = Менеджер в консоли
console-document = (документ: { $path })
console-share_phone = (поделиться своим телефоном: /contact +79990001122)
console-outbox_customer = новое сообщение
console-outbox_manager = чат менеджеров, сообщение { $number } из очереди

console-no_such_file = Файл { $path } не найден, ничего не отправлено.
console-demo_signed_in = Демо: вы вошли как { $name } ({ $company }). Наберите номер кнопки или её текст.
console-no_such_button = Кнопки { $number } нет: номера кнопок — в квадратных скобках.
