"""Settings for the whole suite: no test may pass or fail by machine load.

Hypothesis' per-example deadline (200 ms) and its too-slow health check measure time, which another job
on the machine can stretch; property tests assert outcomes only.
"""
from hypothesis import HealthCheck, settings

settings.register_profile("no-timing", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("no-timing")
