## import
## The CSV import's problems (the file a manager sends, `python -m bot import`): one line
## per refused row with its line number; each problem names its column as the file's
## header does (the file's own words, never translated). Message import-<code> words
## the problem code <code> of storage.importer.Problem.

import-line = line { $line }: { $problems }
import-quoted = '{ $value }'
import-yes = yes
import-no = no
import-not_utf8 = the file is not UTF-8 text (save it as CSV UTF-8)
import-missing_columns = missing { $count ->
        [one] column
       *[other] columns
    }: { $columns }
import-repeated_columns = { $count ->
        [one] column
       *[other] columns
    } named twice: { $columns }
import-wrong_width = { $found ->
        [one] { $found } value
       *[other] { $found } values
    }, the header has { $width ->
        [one] { $width } column
       *[other] { $width } columns
    } (check the delimiter and quotes)
import-too_long = { $column }: is { $length ->
        [one] { $length } character
       *[other] { $length } characters
    } long (at most { $limit })
import-empty = { $column }: is empty
import-no_name = { $column }: is empty (and so is { $other })
import-not_yes_no = { $column }: '{ $value }' is not yes/no (да/нет)
import-empty_date = { $column }: is empty (a date YYYY-MM-DD or DD.MM.YYYY is needed)
import-not_a_date = { $column }: '{ $value }' is not a date (YYYY-MM-DD or DD.MM.YYYY)
import-not_a_whole_number = { $column }: '{ $value }' is not a whole number from { $low } to { $high }
import-mixed_separators = { $column }: '{ $value }' mixes ',' and '.'; write 7990 or 7990,00
import-ambiguous_amount = { $column }: '{ $value }' is ambiguous (thousands or decimals?); write 7990 or 7990,00
import-not_an_amount = { $column }: '{ $value }' is not an amount (e.g. 7990, 7990.00 or 7 990,00)
import-not_one_of = { $column }: '{ $value }' is not one of { $allowed }
import-empty_choice = { $column }: is empty (one of { $allowed })
import-not_a_phone = { $column }: '{ $value }' is not a phone number
import-not_an_email = { $column }: '{ $value }' is not an e-mail address
import-not_a_language = { $column }: '{ $value }' is not a two-letter language code
import-service_needs_codemeter = { $column }: only a CodeMeter key can have the service
import-service_kept = { $column }: the managers { $change ->
        [connected] connected
       *[disconnected] disconnected
    } the protection service of key { $serial } through the bot on { $on }; the file says otherwise, so it stays as they left it until the file agrees
import-other_customer = { $column }: the same { $entity ->
        [key] key
       *[license] license
    } belongs to another customer in line { $first }
import-other_product = { $column }: the same license is of another product in line { $first }
import-differs = { $column }: { $new } differs from line { $first } ({ $old }) for the same { $entity ->
        [customer] customer
        [product] product
        [license] license
       *[key] key
    }
import-batch_failed = lines { $first }–{ $last } not imported, import stopped: { $reason }
