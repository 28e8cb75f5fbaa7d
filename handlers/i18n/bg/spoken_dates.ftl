## spoken_dates: words for times of day and small words in typed dates and times
## (handlers/rules/spoken_dates.py), one per line; a vendor may extend them.

spoken_dates-morning =
    сутринта
    сутрин
    преди обяд
spoken_dates-afternoon =
    следобед
    следобеда
    след обяд
    вечерта
spoken_dates-skip =
    в
    във
    на
    около
    след
    от
spoken_dates-now =
    сега
    веднага
    точно сега
    незабавно
    спешно
