## digest: one message to a busy manager chat naming the new requests whose cards wait for
## Telegram's limit of messages to a group (bot/channels/telegram/digest.py)

digest-header = 📥 { $count ->
        [one] { $count } новая заявка
        [few] { $count } новые заявки
       *[many] { $count } новых заявок
    }:
digest-kind = • { $kind }:
digest-number = №{ $number }
digest-footer = Карточки придут по очереди: Telegram пропускает в группу не больше { $per_minute ->
        [one] { $per_minute } сообщения
        [few] { $per_minute } сообщений
       *[many] { $per_minute } сообщений
    } в минуту, последняя — примерно через { $minutes ->
        [one] { $minutes } минуту
        [few] { $minutes } минуты
       *[many] { $minutes } минут
    }. Открытые заявки — /open.
