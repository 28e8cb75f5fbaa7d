## console
## The console channel's own chrome (python -m bot console): what it prints around the
## bot's messages. Its first texts (console-no_such_file, console-demo_signed_in) are in
## common.ftl.

console-customer_name = Клиент в конзолата
console-manager_name = Мениджър в конзолата
console-document = (документ: { $path })
console-share_phone = (споделете телефона си: /contact +79990001122)
console-outbox_customer = ново съобщение
console-outbox_manager = чат на мениджърите, съобщение { $number } от опашката

console-no_such_file = Файлът { $path } не е намерен; нищо не е изпратено.
console-demo_signed_in = Демо: влезли сте като { $name } ({ $company }). Напишете номера на бутона или текста му.
console-no_such_button = Няма бутон { $number }: номерата на бутоните са в квадратни скоби.
