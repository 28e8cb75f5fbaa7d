"""The process's Prometheus metrics (``/metrics``, :mod:`bot.monitoring`), through the official
``prometheus_client`` in a registry of their own (one per :class:`Metrics`, so tests and
two apps in one process never share counts).

=========================================  ====================================================
``bot_updates_received_total{channel}``    updates taken from the inbox (stored by polling,
                                           webhook or Callback API)
``bot_updates_handled_total{channel}``     updates finished (done, or set aside after retries)
``bot_step_seconds{channel}``              histogram: one conversation step in the engine
``bot_sends_total{channel,outcome}``       send calls (a long text's parts, a document):
                                           ``ok``, refused with 429 (``429``), failed and to
                                           be retried (``error``), given up for good (``final``)
``bot_outbox_depth{channel}``              messages not sent yet
``bot_outbox_oldest_due_seconds{channel}`` how long the longest-waiting due message waits
``bot_scheduler_runs_total{job,outcome}``  scheduled job runs, ``ok`` or ``failed``
``bot_requests_open{kind}``                requests not yet done, rejected or cancelled
=========================================  ====================================================

The lower floors do not import this: the engine and the scheduler take a callback
(``Engine.on_step``, ``start_scheduler(on_run=…)``) that the shell points here.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

#: Seconds; a step is a few milliseconds of SQLite work, seconds when something is wrong.
STEP_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Send:
    """The outcomes of ``bot_sends_total``."""

    OK = "ok"
    RATE_LIMITED = "429"
    ERROR = "error"
    FINAL = "final"


def send_outcome(*, rate_limited: bool, retried: bool) -> str:
    """A failed send's outcome: 429, an error to retry, or given up for good."""
    if rate_limited:
        return Send.RATE_LIMITED
    return Send.ERROR if retried else Send.FINAL


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.updates_received = Counter(
            "bot_updates_received", "Updates taken from the inbox", ["channel"], registry=r
        )
        self.updates_handled = Counter(
            "bot_updates_handled",
            "Updates finished (done, or set aside after retries)",
            ["channel"],
            registry=r,
        )
        self.step_seconds = Histogram(
            "bot_step_seconds",
            "One conversation step in the engine",
            ["channel"],
            buckets=STEP_BUCKETS,
            registry=r,
        )
        self.sends = Counter(
            "bot_sends",
            "Messages sent to a messenger, by outcome (ok, 429, error, final)",
            ["channel", "outcome"],
            registry=r,
        )
        self.outbox_depth = Gauge(
            "bot_outbox_depth", "Outbox messages not sent yet", ["channel"], registry=r
        )
        self.outbox_oldest_due = Gauge(
            "bot_outbox_oldest_due_seconds",
            "How long the longest-waiting due outbox message has waited",
            ["channel"],
            registry=r,
        )
        self.scheduler_runs = Counter(
            "bot_scheduler_runs", "Scheduled job runs", ["job", "outcome"], registry=r
        )
        self.requests_open = Gauge(
            "bot_requests_open",
            "Requests not yet done, rejected or cancelled",
            ["kind"],
            registry=r,
        )

    def step(self, channel: str, seconds: float) -> None:
        self.step_seconds.labels(channel).observe(seconds)

    def send(self, channel: str, outcome: str) -> None:
        self.sends.labels(channel, outcome).inc()

    def scheduler_run(self, job: str, outcome: str) -> None:
        self.scheduler_runs.labels(job, outcome).inc()
