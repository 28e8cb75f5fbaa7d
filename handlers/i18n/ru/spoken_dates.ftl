## spoken_dates: words for times of day and small words in typed dates and times
## (handlers/rules/spoken_dates.py), one per line; a vendor may extend them.

spoken_dates-morning =
    утром
    с утра
    до обеда
    в первой половине дня
spoken_dates-afternoon =
    после обеда
    днем
    во второй половине дня
    вечером
spoken_dates-skip =
    в
    во
    на
    к
    около
    после
    с
    от
spoken_dates-now =
    сейчас
    прямо сейчас
    немедленно
    срочно
    сразу
