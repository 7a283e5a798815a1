"""Settings for the whole suite: no test may pass or fail by machine load.

Hypothesis' per-example deadline (200 ms) and its too-slow health check measure time, which another job
on the machine can stretch; property tests assert outcomes only.
"""
import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("no-timing", deadline=None, suppress_health_check=[HealthCheck.too_slow],
                          derandomize=True)
# The suite draws the same examples every run (a test that fails one run in fifty is a flaky test); to search
# new examples, as when writing a property: HYPOTHESIS_PROFILE=explore make test.
settings.register_profile("explore", deadline=None, suppress_health_check=[HealthCheck.too_slow],
                          max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "no-timing"))


# Modules whose cost is one module- or session-scoped fixture (a whole pipeline run over rendered documents),
# their tests cheap checks of its output. Under xdist each worker that runs one of their tests builds the fixture
# again (the variety matrix waits on a lock instead, leaving that worker idle for minutes), so each runs on one
# worker (`make test` passes --dist loadgroup) and is sent first: a long unit started last is what makes the
# suite's tail. Then the tests marked slow (OCR, the real scan), then the rest, each in collection order.
ONE_WORKER_MODULES = {
    "test_variety.py", "test_end_to_end.py", "test_provenance.py", "test_probe_documents.py",
    "test_compare_yala.py", "test_robust_inputs.py", "test_review.py", "test_untrusted_html.py",
}


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook, which reads the group marks into the node ids
def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.name in ONE_WORKER_MODULES:
            item.add_marker(pytest.mark.xdist_group(item.path.stem))

    def rank(item) -> int:
        if item.path.name in ONE_WORKER_MODULES:
            return 0
        return 1 if item.get_closest_marker("slow") else 2

    items.sort(key=rank)  # stable: collection order within each rank
