## import
## The CSV import's problems (the file a manager sends, `python -m bot import`): one line
## per refused row with its line number; each problem names its column as the file's
## header does (the file's own words, never translated). Message import-<code> words
## the problem code <code> of storage.importer.Problem.

import-line = ред { $line }: { $problems }
import-quoted = „{ $value }“
import-yes = да
import-no = не
import-not_utf8 = файлът не е текст в UTF-8 (запазете го като „CSV UTF-8“)
import-missing_columns = { $count ->
        [one] липсва колона
       *[other] липсват колони
    }: { $columns }
import-repeated_columns = { $count ->
        [one] колоната е посочена два пъти
       *[other] колоните са посочени два пъти
    }: { $columns }
import-wrong_width = { $found ->
        [one] { $found } стойност
       *[other] { $found } стойности
    }, а заглавният ред има { $width ->
        [one] { $width } колона
       *[other] { $width } колони
    } (проверете разделителя и кавичките)
import-too_long = { $column }: { $length ->
        [one] { $length } знак
       *[other] { $length } знака
    }, а може най-много { $limit }
import-empty = { $column }: не е попълнено
import-no_name = { $column }: не е попълнено (както и { $other })
import-not_yes_no = { $column }: „{ $value }“ — трябва да е „да“ или „нет“ (или 1 и 0)
import-empty_date = { $column }: не е попълнено, а трябва дата ГГГГ-ММ-ДД или ДД.ММ.ГГГГ
import-not_a_date = { $column }: „{ $value }“ не е дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)
import-not_a_whole_number = { $column }: „{ $value }“ не е цяло число от { $low } до { $high }
import-mixed_separators = { $column }: в „{ $value }“ има и запетая, и точка; напишете 7990 или 7990,00
import-ambiguous_amount = { $column }: „{ $value }“ е двусмислено (хиляди или стотинки?); напишете 7990 или 7990,00
import-not_an_amount = { $column }: „{ $value }“ не е сума (например 7990, 7990.00 или 7 990,00)
import-not_one_of = { $column }: „{ $value }“ не е едно от: { $allowed }
import-empty_choice = { $column }: не е попълнено (едно от: { $allowed })
import-not_a_phone = { $column }: „{ $value }“ не е телефонен номер
import-not_an_email = { $column }: „{ $value }“ не е имейл адрес
import-not_a_language = { $column }: „{ $value }“ не е двубуквен код на език
import-service_needs_codemeter = { $column }: услугата за защита е само за ключ CodeMeter
import-service_kept = { $column }: мениджърите { $change ->
        [connected] включиха
       *[disconnected] изключиха
    } услугата за защита на ключ { $serial } чрез бота на { $on }; във файла е различно, затова тя остава както е, докато файлът не съвпадне
import-other_customer = { $column }: { $entity ->
        [key] същият ключ
       *[license] същият лиценз
    } е на друг клиент на ред { $first }
import-other_product = { $column }: същият лиценз е за друг продукт на ред { $first }
import-differs = { $column }: { $new }, а на ред { $first } за { $entity ->
        [customer] същия клиент
        [product] същия продукт
        [license] същия лиценз
       *[key] същия ключ
    } е { $old }
import-batch_failed = редове { $first }–{ $last } не са заредени, зареждането е спряно: { $reason }
