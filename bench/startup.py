#!/usr/bin/env python3
"""Start-up and memory of the Pet Manager: native executable vs JVM fast-jar, on this machine, in one run.

For each artifact and each database state (fresh: the folder is absent, so every migration runs; up to date: the
file from the previous start), measures the time from process start to the first successful HTTP response, then
sends 1,000 requests (a mix of reads and writes) and reads the resident set size. Prints a table, the binary size,
the native executable's first response against its targets (<= 80 ms fresh, <= 50 ms up to date) and the ratios
native/JVM. The jar runs with the README's options (JAVA_OPTS, as in bench/http.sh); the load average is printed
before and after, since other processes on the machine lengthen every start.

Usage: bench/startup.py [--native PATH] [--jar PATH] [--runs N]   (build first: ./mvnw package [-Dnative])
--jar none or --native none leaves that artifact out; NATIVE_OPTS adds options to the executable's command line.
"""
import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = 0  # a free port per start, so a process left from an earlier start can never answer for this one


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as response:
        return response.status, response.read()


def rss_mib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_and_measure(command, db_path):
    global PORT
    PORT = free_port()
    # the management interface (health, metrics) on a free port too, never 9000 of a service already running
    env = dict(os.environ, PET_MANAGER_DB_PATH=str(db_path), QUARKUS_HTTP_PORT=str(PORT),
               QUARKUS_MANAGEMENT_PORT=str(free_port()), QUARKUS_LOG_LEVEL="WARN")
    log = tempfile.TemporaryFile()
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        while True:
            if process.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"{command[0]} exited: {log.read().decode()[-2000:]}")
            if time.perf_counter() - started > 120:
                raise RuntimeError(f"{command[0]} gave no successful response to GET / within 120 s")
            try:
                if request("GET", "/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.002)
        first_response = time.perf_counter() - started
        status, body = request("POST", "/users", {"name": "Bench", "email": f"bench{time.time_ns()}@example.com"})
        owner = json.loads(body)["id"]
        errors = 0
        for i in range(1000):
            try:
                if i % 4 == 0:
                    request("POST", "/pets", {"name": f"pet{i}", "species": "CAT", "ownerId": owner})
                elif i % 4 == 1:
                    request("GET", "/pets?page=0&size=20")
                else:
                    request("GET", f"/users/{owner}")
            except OSError:
                errors += 1
        if process.poll() is not None:
            raise RuntimeError(f"{command[0]} died during the requests")
        return first_response, rss_mib(process.pid), errors
    finally:
        process.terminate()
        process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--native", default=str(ROOT / "pet-manager/target/pet-manager-1.0.0-SNAPSHOT-runner"))
    parser.add_argument("--jar", default=str(ROOT / "pet-manager/target/quarkus-app/quarkus-run.jar"))
    parser.add_argument("--runs", type=int, default=3, help="starts per artifact and state; the median is shown")
    args = parser.parse_args()

    java = shutil.which("java")
    java_options = os.environ.get("JAVA_OPTS", "-XX:MaxRAM=512m -XX:MaxRAMPercentage=25 -XX:+UseSerialGC").split()
    artifacts = {}
    if args.jar != "none":
        # as on the README's run line: glibc's malloc arenas for the JVM capped at 2 (MALLOC_ARENAS= for the default)
        arenas = os.environ.get("MALLOC_ARENAS", "2")
        artifacts["jvm"] = ["env", f"MALLOC_ARENA_MAX={arenas}", java, *java_options,
                            "--enable-native-access=ALL-UNNAMED", "-jar", args.jar]
    if Path(args.native).is_file():
        artifacts["native"] = [args.native, *os.environ.get("NATIVE_OPTS", "").split()]
    elif args.native != "none":
        print(f"(no native executable at {args.native}: build it with ./mvnw package -Dnative)")

    load_before = os.getloadavg()
    results = {}
    for name, command in artifacts.items():
        for state in ("fresh", "up-to-date"):
            samples = []
            for _ in range(args.runs):
                print(f"  {name}, {state} database ...", file=sys.stderr, flush=True)
                work = Path(tempfile.mkdtemp(prefix="pm-bench-"))
                db = work / "data" / "pet-manager.db"
                if state == "up-to-date":
                    start_and_measure(command, db)  # first start migrates; the measured one finds nothing to do
                samples.append(start_and_measure(command, db))
                shutil.rmtree(work)
            results[(name, state)] = (statistics.median(s[0] for s in samples),
                                      statistics.median(s[1] for s in samples), sum(s[2] for s in samples))

    print(f"\nPet Manager start-up and memory ({os.cpu_count()} cores, median of {args.runs} starts each;"
          f" load average before {load_before[0]:.1f}, after {os.getloadavg()[0]:.1f}; JVM options:"
          f" {' '.join(java_options)}; native options: {os.environ.get('NATIVE_OPTS', '') or 'none'})")
    print(f"{'artifact':8} {'database':11} {'first response ms':>18} {'RSS after 1000 req MiB':>23} {'errors':>7}")
    for (name, state), (ttfr, rss, errors) in results.items():
        print(f"{name:8} {state:11} {ttfr * 1000:18.0f} {rss:23.1f} {errors:7d}")
    if "native" in artifacts:
        print(f"\nnative executable size: {Path(args.native).stat().st_size / 2**20:.1f} MiB")
        for state, target_ms in (("fresh", 80), ("up-to-date", 50)):
            native = results[("native", state)]
            line = f"{state:11} native first response {native[0] * 1000:.0f} ms (target <= {target_ms} ms)"
            if "jvm" in artifacts:
                jvm = results[("jvm", state)]
                line += f", ratio native/jvm {native[0] / jvm[0]:.3f}, RSS ratio {native[1] / jvm[1]:.3f}"
            print(line)


if __name__ == "__main__":
    main()
