## spoken_dates: words for times of day and small words in typed dates and times
## (handlers/rules/spoken_dates.py), one per line; a vendor may extend them.

spoken_dates-morning =
    in the morning
    morning
    before lunch
spoken_dates-afternoon =
    in the afternoon
    afternoon
    after lunch
    evening
spoken_dates-skip =
    on
    at
    in
    around
    after
    from
spoken_dates-now =
    now
    right now
    right away
    immediately
    asap
