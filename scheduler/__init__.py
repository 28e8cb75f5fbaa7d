"""The clock: jobs that enter the core by time (docs/scheduler.md).

* :mod:`scheduler.jobs` — the job functions (database, policy, desk and time passed in;
  each returns a printable result), shared by the scheduler and ``python -m bot jobs``;
* :mod:`scheduler.service` — the APScheduler ``AsyncIOScheduler`` with the policy's times,
  and the start-up :func:`~scheduler.service.catch_up`;
* one module per kind of work: support-expiry reminders, the monthly key run, session and
  document reminders, manager tasks for undeliverable reminders.

Exactly once is decided by the database (unique keys), never by the scheduler: a job run
twice, caught up after downtime or run by a second process changes nothing the second time.
"""
