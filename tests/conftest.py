"""Settings for the whole suite: no test may pass or fail by machine load.

Hypothesis' per-example deadline (200 ms) and its too-slow health check measure time, which another job
on the machine can stretch; property tests assert outcomes only.
"""
import os

from hypothesis import HealthCheck, settings

settings.register_profile("no-timing", deadline=None, suppress_health_check=[HealthCheck.too_slow],
                          derandomize=True)
# The suite draws the same examples every run (a test that fails one run in fifty is a flaky test); to search
# new examples, as when writing a property: HYPOTHESIS_PROFILE=explore make test.
settings.register_profile("explore", deadline=None, suppress_health_check=[HealthCheck.too_slow],
                          max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "no-timing"))
