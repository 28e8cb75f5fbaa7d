## jobs: what a job run by hand did (`python -m bot jobs reminders|renewals`), for the
## vendor's staff in the managers' language (scheduler/job_report.py); refused_<reason>
## words why a run was refused.

jobs-reminders_day = за { $day }
jobs-reminders_days = за { $first } – { $day } (догоняем пропущенные дни)
jobs-reminders_nothing = Напоминания об окончании поддержки { $days }: делать нечего.
jobs-reminders_done =
    Напоминания об окончании поддержки { $days }:
    • отправлено напоминаний: { $reminders }, сообщений в очереди: { $messages }
    • клиент отключил напоминания: { $muted }
    • у клиента нет привязанного чата: { $unreachable }
    • пропущено, пока бот не работал: { $skipped }
jobs-renewals_head = Ежемесячное продление ключей, { $month } (дата прогона { $date })
jobs-renewals_done =
    { $head }: выполнено.
    • продлено: { $prolonged }
    • не продлено, поддержка закончилась: { $left_out }
    • услуга защиты отключена: { $disconnected }
    • не продлено по статусу (утерян, украден, сломан…): { $excluded }
    • сообщений владельцам ключей в очереди: { $messages }
    Файл для оператора ключей: { $path }
    Сводка отправлена менеджерам.
jobs-renewals_resumed =
    { $head }: прерванный прогон завершён.
    • продлено: { $prolonged }
    • не продлено, поддержка закончилась: { $left_out }
    • услуга защиты отключена: { $disconnected }
    • не продлено по статусу (утерян, украден, сломан…): { $excluded }
    • сообщений владельцам ключей в очереди: { $messages }
    Файл для оператора ключей: { $path }
    Сводка отправлена менеджерам.
jobs-renewals_already_done = { $head }: делать нечего, прогон уже выполнен. Файл для оператора ключей: { $path }
jobs-refused_future_day = { $day } ещё не наступило (сегодня { $today }): напоминания рассылаются за сегодняшний или прошедший день.
jobs-refused_month_not_come = Прогон за { $month } назначен на { $date } и ещё не наступил.
jobs-refused_month_past = Прогон за { $month } не начинался, а последний прогон — за { $latest }: прошедший месяц можно только довести до конца, начать его задним числом нельзя.
jobs-refused_bad_month = «{ $month }» — не месяц: нужно ГГГГ-ММ, например 2026-12.
jobs-refused_no_protection = Ежемесячное продление ключей — часть дополнительной защиты, а этот поставщик её не предлагает (services.protection): прогонять нечего.
