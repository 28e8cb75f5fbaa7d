## digest: one message to a busy manager chat naming the new requests whose cards wait for
## Telegram's limit of messages to a group (bot/channels/telegram/digest.py)

digest-header = 📥 { $count ->
        [one] { $count } new request
       *[other] { $count } new requests
    }:
digest-kind = • { $kind }:
digest-number = #{ $number }
digest-footer = Their cards follow as Telegram allows, at most { $per_minute ->
        [one] { $per_minute } message
       *[other] { $per_minute } messages
    } a minute to a group; the last in about { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. /open lists the open requests.
