## import
## The CSV import's problems (the file a manager sends, `python -m bot import`): one line
## per refused row with its line number; each problem names its column as the file's
## header does (the file's own words, never translated). Message import-<code> words
## the problem code <code> of storage.importer.Problem.

import-line = строка { $line }: { $problems }
import-quoted = «{ $value }»
import-yes = да
import-no = нет
import-not_utf8 = файл не в кодировке UTF-8 (сохраните его как «CSV UTF-8»)
import-missing_columns = { $count ->
        [one] нет столбца
        [few] нет столбцов
       *[many] нет столбцов
    }: { $columns }
import-repeated_columns = { $count ->
        [one] столбец назван дважды
        [few] столбцы названы дважды
       *[many] столбцы названы дважды
    }: { $columns }
import-wrong_width = { $found ->
        [one] { $found } значение
        [few] { $found } значения
       *[many] { $found } значений
    }, а в заголовке { $width ->
        [one] { $width } столбец
        [few] { $width } столбца
       *[many] { $width } столбцов
    } (проверьте разделитель и кавычки)
import-too_long = { $column }: { $length ->
        [one] { $length } символ
        [few] { $length } символа
       *[many] { $length } символов
    }, а можно не больше { $limit }
import-empty = { $column }: не заполнено
import-no_name = { $column }: не заполнено (и { $other } тоже)
import-not_yes_no = { $column }: «{ $value }» — нужно «да» или «нет» (или 1 и 0)
import-empty_date = { $column }: не заполнено, а нужна дата ГГГГ-ММ-ДД или ДД.ММ.ГГГГ
import-not_a_date = { $column }: «{ $value }» — не дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)
import-not_a_whole_number = { $column }: «{ $value }» — не целое число от { $low } до { $high }
import-mixed_separators = { $column }: в «{ $value }» и запятая, и точка; напишите 7990 или 7990,00
import-ambiguous_amount = { $column }: «{ $value }» — непонятно, тысячи это или копейки; напишите 7990 или 7990,00
import-not_an_amount = { $column }: «{ $value }» — не сумма (например, 7990, 7990.00 или 7 990,00)
import-not_one_of = { $column }: «{ $value }» — нужно одно из: { $allowed }
import-empty_choice = { $column }: не заполнено, нужно одно из: { $allowed }
import-not_a_phone = { $column }: «{ $value }» — не номер телефона
import-not_an_email = { $column }: «{ $value }» — не адрес электронной почты
import-not_a_language = { $column }: «{ $value }» — не двухбуквенный код языка
import-service_needs_codemeter = { $column }: сервис защиты бывает только у ключа CodeMeter
import-service_kept = { $column }: услугу защиты ключа { $serial } менеджеры { $change ->
        [connected] подключили
       *[disconnected] отключили
    } через бота { $on }; в файле иначе, поэтому услуга оставлена как есть, пока файл с этим не совпадёт
import-other_customer = { $column }: { $entity ->
        [key] этот же ключ
       *[license] эта же лицензия
    } в строке { $first } у другого клиента
import-other_product = { $column }: эта же лицензия в строке { $first } — другого продукта
import-differs = { $column }: { $new }, а в строке { $first } { $entity ->
        [customer] у того же клиента
        [product] у того же продукта
        [license] у той же лицензии
       *[key] у того же ключа
    } { $old }
import-batch_failed = строки { $first }–{ $last } не загружены, загрузка остановлена: { $reason }
