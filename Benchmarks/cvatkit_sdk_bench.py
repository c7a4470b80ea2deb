"""cvat-sdk's side of part 12 of `make bench`: the same operations as CVATKitBench, timed, with
the resident set before and at its peak (KiB). Usage: cvatkit_sdk_bench.py upload|export URL FILE"""
import resource
import sys
import time

from cvat_sdk.core.client import Client, Config
from cvat_sdk.core.proxies.tasks import ResourceType


def rss():
    with open("/proc/self/status") as status:
        return int(next(line for line in status if line.startswith("VmRSS:")).split()[1])


mode, url, path = sys.argv[1:4]
with Client(url, config=Config(status_check_period=0.05)) as client:
    client.login(("admin", "secret"))
    spec = {"name": "bench", "labels": [{"name": "car"}]}
    if mode == "upload":
        baseline = rss()
        start = time.monotonic()
        client.tasks.create_from_data(spec=spec, resource_type=ResourceType.LOCAL, resources=[path])
    else:
        task = client.tasks.create_from_data(spec=spec, resource_type=ResourceType.SHARE, resources=["a.jpg"])
        baseline = rss()
        start = time.monotonic()
        task.export_dataset("CVAT for images 1.1", path, include_images=False)
    elapsed = time.monotonic() - start
print(f"baseline {baseline} peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} seconds {elapsed}")
