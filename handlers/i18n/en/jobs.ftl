## jobs: what a job run by hand did (`python -m bot jobs reminders|renewals`), for the
## vendor's staff in the managers' language (scheduler/job_report.py); refused_<reason>
## words why a run was refused.

jobs-reminders_day = of { $day }
jobs-reminders_days = of { $first } – { $day } (catching up the days missed)
jobs-reminders_nothing = Support-expiry reminders { $days }: nothing to do.
jobs-reminders_done =
    Support-expiry reminders { $days }:
    • reminders sent: { $reminders }, messages queued: { $messages }
    • the customer muted reminders: { $muted }
    • the customer has no linked chat: { $unreachable }
    • missed while the bot was down, not sent: { $skipped }
jobs-renewals_head = Monthly key run, { $month } (run date { $date })
jobs-renewals_done =
    { $head }: done.
    • prolonged: { $prolonged }
    • left out, support ended: { $left_out }
    • protection service disconnected: { $disconnected }
    • left out by status (lost, stolen, broken…): { $excluded }
    • messages to key owners queued: { $messages }
    Batch file for the key operator: { $path }
    The summary went to the managers.
jobs-renewals_resumed =
    { $head }: the interrupted run is finished.
    • prolonged: { $prolonged }
    • left out, support ended: { $left_out }
    • protection service disconnected: { $disconnected }
    • left out by status (lost, stolen, broken…): { $excluded }
    • messages to key owners queued: { $messages }
    Batch file for the key operator: { $path }
    The summary went to the managers.
jobs-renewals_already_done = { $head }: nothing to do, the run is done already. Batch file for the key operator: { $path }
jobs-refused_future_day = { $day } has not come yet (today is { $today }): reminders are sent for today or a past day.
jobs-refused_month_not_come = The run of { $month } is on { $date } and has not come yet.
jobs-refused_month_past = The run of { $month } never started and the latest run is of { $latest }: a past month's run is only finished, never started late.
jobs-refused_bad_month = '{ $month }' is not a month: write YYYY-MM, e.g. 2026-12.
jobs-refused_no_protection = The monthly key renewal belongs to the additional protection service, which this vendor does not offer (services.protection): there is nothing to run.
