"""The clock: APScheduler jobs that enter the core by time.

Support-expiry reminders and the monthly key-renewal run live here (issue 6).
"""
