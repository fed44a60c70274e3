#!/usr/bin/env bash
# Where a build's test time goes (CI rule: `./mvnw verify` well under 30 minutes on 2 cores): per module, the sum of
# the per-class times in its surefire and failsafe reports (per sample project in its invoker reports) and the
# slowest ones, with the load average now (a shared machine's figures are only comparable at a similar load).
#
#   bench/test-times.sh [ROOT] [TOP]       ROOT: a checkout after a build (default .), TOP: lines listed (default 10)
#   bench/test-times.sh /work/cirun 12     e.g. a copy of a CI run's target folders
#
# With forks (surefire forkCount=2, invoker parallelThreads=2) the sum stays about the same while the wall time
# drops: compare a module's wall time (Maven's reactor summary) too, not only these sums.
set -euo pipefail
root=${1:-.}
top=${2:-10}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$root" "$top" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

root, top = sys.argv[1], int(sys.argv[2])
for module in ("autogen/core", "autogen/deployment", "autogen/maven-plugin", "pet-manager"):
    times = []
    for kind in ("surefire-reports", "failsafe-reports"):
        for f in glob.glob(os.path.join(root, module, "target", kind, "TEST-*.xml")):
            suite = ET.parse(f).getroot()
            times.append((float(suite.get("time") or 0), suite.get("name"), kind.split("-")[0]))
    for f in glob.glob(os.path.join(root, module, "target", "invoker-reports", "BUILD-*.xml")):
        job = ET.parse(f).getroot()
        times.append((float(job.get("time") or 0), job.get("project"), "invoker"))
    if not times:
        continue
    times.sort(reverse=True)
    print(f"== {module}: {len(times)} classes/projects, {sum(t for t, _, _ in times):.0f} s")
    for t, name, kind in times[:top]:
        print(f"{t:8.1f}  {name.replace('io.quarkiverse.flywayautogen.', '')} ({kind})")
PY
