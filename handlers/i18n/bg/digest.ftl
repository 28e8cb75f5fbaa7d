## digest: one message to a busy manager chat naming the new requests whose cards wait for
## Telegram's limit of messages to a group (bot/channels/telegram/digest.py)

digest-header = 📥 { $count ->
        [one] { $count } нова заявка
       *[other] { $count } нови заявки
    }:
digest-kind = • { $kind }:
digest-number = №{ $number }
digest-footer = Картите идват една по една: Telegram пропуска в група най-много { $per_minute ->
        [one] { $per_minute } съобщение
       *[other] { $per_minute } съобщения
    } в минута, последната — след около { $minutes ->
        [one] { $minutes } минута
       *[other] { $minutes } минути
    }. Отворените заявки — /open.
