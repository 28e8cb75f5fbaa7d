## desk_commands

desk_commands-menu_open = Open requests
desk_commands-open_none = There are no open requests.
desk_commands-open_title = Open requests: { $count }, newest first:
desk_commands-open_line = #{ $number } · { $kind } · { $status } · { $who } · { $created }
desk_commands-open_more = …and { $count } more: /request N shows any request, /export gives them all.
desk_commands-card_button = #{ $number }
desk_commands-request_usage = Write the request number, for example: /request 12
desk_commands-events_title = History:
desk_commands-event_line = { $when } · { $who } · { $what }
desk_commands-event_status = { $from_status } → { $to_status }
desk_commands-event_filed = filed: { $status }
desk_commands-rating_line = Customer's rating: { $rating }/5
desk_commands-find_ask = Whom shall I find? Write a phone number, license number, key serial, name or company.
desk_commands-find_hint = Write the text to search for, or /cancel.
desk_commands-find_none = Nobody found for “{ $text }”.
desk_commands-find_title = Found for “{ $text }”:
desk_commands-find_more = Only the first { $count } are shown: make the search more precise.
desk_commands-find_customer = { $name } ({ $company }) · { $phone } · { $email }
desk_commands-find_licenses = Licenses: { $items }
desk_commands-find_license = { $number } ({ $product }, support until { $end })
desk_commands-find_keys = Keys: { $items }
desk_commands-find_key = { $serial } ({ $kind }, { $status })
desk_commands-find_requests = Open requests: { $items }
desk_commands-find_request = #{ $number } { $kind } — { $status }
desk_commands-find_nothing = none
desk_commands-key_kind_codemeter = CodeMeter
desk_commands-key_kind_module = protection module
desk_commands-key_status_active = active
desk_commands-key_status_lost = lost
desk_commands-key_status_stolen = stolen
desk_commands-key_status_broken = broken
desk_commands-key_status_found = found
desk_commands-key_status_replaced = replaced
desk_commands-stats_title = Requests in all: { $total }.
desk_commands-stats_kind = • { $kind }: { $count } ({ $statuses })
desk_commands-stats_status = { $status } { $count }
desk_commands-stats_by_status = By status: { $statuses }.
desk_commands-stats_median = Median time from filing to the first answer: { $duration } (over { $count ->
        [one] { $count } answered request
       *[other] { $count } answered requests
    }).
desk_commands-stats_p90 = Nine requests in ten got their first answer within { $duration } (promised: { $promised ->
        [one] { $promised } working minute
       *[other] { $promised } working minutes
    }).
desk_commands-stats_no_answers = No request has been answered yet.
desk_commands-duration_minutes = { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
desk_commands-duration_hours = { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    } { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
desk_commands-duration_days = { $days ->
        [one] { $days } day
       *[other] { $days } days
    } { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    } { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
desk_commands-export_done = Requests exported: { $count }. The file is attached.
desk_commands-export_written = Requests exported: { $count }. File: { $path }
desk_commands-export_failed = The export file could not be written; ask the administrator to check the files folder.
desk_commands-import_not_local = I cannot read the file { $name } here yet, nothing was imported. Send it through the console, or ask the administrator.
desk_commands-import_failed = The file { $name } could not be read; nothing was imported.
desk_commands-import_report = Import of { $name }: { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    }, { $imported } imported.
desk_commands-import_created = Created: { $customers ->
        [one] { $customers } customer
       *[other] { $customers } customers
    }, { $products ->
        [one] { $products } product
       *[other] { $products } products
    }, { $licenses ->
        [one] { $licenses } license
       *[other] { $licenses } licenses
    }, { $keys ->
        [one] { $keys } key
       *[other] { $keys } keys
    }.
desk_commands-import_updated = Updated: { $customers ->
        [one] { $customers } customer
       *[other] { $customers } customers
    }, { $products ->
        [one] { $products } product
       *[other] { $products } products
    }, { $licenses ->
        [one] { $licenses } license
       *[other] { $licenses } licenses
    }, { $keys ->
        [one] { $keys } key
       *[other] { $keys } keys
    }.
desk_commands-import_no_errors = No errors.
desk_commands-import_errors = Errors: { $count }. Rows with errors were skipped:
desk_commands-import_errors_more = …and { $count } more.
desk_commands-import_kept = The protection service was left as it is on { $count ->
        [one] { $count } key
       *[other] { $count } keys
    }: the managers changed it through the bot and the file does not agree yet:
desk_commands-waiting_title = { $count ->
        [one] { $count } request waits
       *[other] { $count } requests wait
    } for you (new ones and those you took):
