## jobs: what a job run by hand did (`python -m bot jobs reminders|renewals`), for the
## vendor's staff in the managers' language (scheduler/job_report.py); refused_<reason>
## words why a run was refused.

jobs-reminders_day = за { $day }
jobs-reminders_days = за { $first } – { $day } (наваксване на пропуснатите дни)
jobs-reminders_nothing = Напомняния за изтичаща поддръжка { $days }: няма какво да се прави.
jobs-reminders_done =
    Напомняния за изтичаща поддръжка { $days }:
    • изпратени напомняния: { $reminders }, съобщения на опашка: { $messages }
    • клиентът е изключил напомнянията: { $muted }
    • клиентът няма свързан чат: { $unreachable }
    • пропуснати, докато ботът не е работел: { $skipped }
jobs-renewals_head = Месечно подновяване на ключовете, { $month } (дата на изпълнение { $date })
jobs-renewals_done =
    { $head }: изпълнено.
    • подновени: { $prolonged }
    • неподновени, поддръжката е изтекла: { $left_out }
    • изключена услуга за защита: { $disconnected }
    • неподновени поради статус (изгубен, откраднат, повреден…): { $excluded }
    • съобщения до собствениците на ключове на опашка: { $messages }
    Файл за оператора на ключовете: { $path }
    Обобщението е изпратено на мениджърите.
jobs-renewals_resumed =
    { $head }: прекъснатото изпълнение е довършено.
    • подновени: { $prolonged }
    • неподновени, поддръжката е изтекла: { $left_out }
    • изключена услуга за защита: { $disconnected }
    • неподновени поради статус (изгубен, откраднат, повреден…): { $excluded }
    • съобщения до собствениците на ключове на опашка: { $messages }
    Файл за оператора на ключовете: { $path }
    Обобщението е изпратено на мениджърите.
jobs-renewals_already_done = { $head }: няма какво да се прави, изпълнението вече е направено. Файл за оператора на ключовете: { $path }
jobs-refused_future_day = { $day } още не е настъпил (днес е { $today }): напомнянията се изпращат за днешния или за минал ден.
jobs-refused_month_not_come = Изпълнението за { $month } е насрочено за { $date } и още не е настъпило.
jobs-refused_month_past = Изпълнението за { $month } не е започвало, а последното е за { $latest }: минал месец може само да се довърши, не и да се започне със закъснение.
jobs-refused_bad_month = „{ $month }“ не е месец: пишете ГГГГ-ММ, например 2026-12.
jobs-refused_no_protection = Месечното подновяване на ключовете е част от допълнителната защита, а този доставчик не я предлага (services.protection): няма какво да се изпълни.
