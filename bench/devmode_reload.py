#!/usr/bin/env python3
"""Helper of bench/devmode-reload.sh (python3 stdlib only); run that script, not this one.

  devmode_reload.py variant with|without PROJECT_DIR
      makes pet-manager in PROJECT_DIR (a throw-away copy) depend on the flyway-autogen extension, or not
  devmode_reload.py measure --variant NAME=DIR ... [--runs N] [--warmup W] [--rounds R] [--work DIR] [--mvn-arg A]...
      per variant: starts dev mode in DIR, times live reloads after entity edits, stops it; prints the figures
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

EXTENSION = "flyway-autogen"
PET = Path("pet-manager/src/main/java/dev/petmanager/pet/Pet.java")
PET_CLASS = Path("pet-manager/target/classes/dev/petmanager/pet/Pet.class")
BUILD_METRICS = Path("pet-manager/target/build-metrics.json")
MARKER_METHOD = ("\n    /** Changed by bench/devmode-reload.sh before every timed request: no endpoint, no column depends on it. */\n"
                 "    static int benchReloadMarker() {\n"
                 "        return 0;\n"
                 "    }\n")
MARKER_RE = re.compile(r"(static int benchReloadMarker\(\) \{\s*return )(\d+)(;)")
# Quarkus dev mode scans for changes at most every 2 s (on a request); wait longer between two timed reloads.
SCAN_INTERVAL = 2.6
START_TIMEOUT = 300
RELOAD_TIMEOUT = 300
LIVE_RELOAD_RE = re.compile(r"Live reload total time: ([0-9.]+)s")
RESTARTING_RE = re.compile(r"Restarting quarkus due to changes in ([^\n]*)")
STARTED_RE = re.compile(r"started in ([0-9.]+)s")
EXTENSION_LOG_RE = re.compile(r"\[dev\.flywayautogen[^\]]*\]|Flyway autogenerate:")


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# other processes' CPU use (in cores) below which the machine counts as quiet before a timed reload
QUIET_CORES = 0.3


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------------- variants --

GROUP = r"<groupId>io\.quarkiverse\.flywayautogen</groupId>"
DEPENDENCY_RE = re.compile(r"[ \t]*<dependency>\s*" + GROUP + r"\s*<artifactId>quarkus-flyway-autogen"
                           r"(?:-deployment)?</artifactId>.*?</dependency>[ \t]*\n", re.S)
PLUGIN_RE = re.compile(r"[ \t]*<plugin>\s*(?:<!--(?:(?!-->).)*-->\s*)?" + GROUP
                       + r"\s*<artifactId>quarkus-flyway-autogen-maven-plugin</artifactId>.*?</plugin>[ \t]*\n", re.S)
# the comment the lead put above the dependencies, when present (it must not dangle in the "without" pom)
COMMENT_BEFORE_RE = re.compile(r"[ \t]*<!--(?:(?!-->).)*-->[ \t]*\n(?=[ \t]*<dependency>\s*" + GROUP
                               + r"\s*<artifactId>quarkus-flyway-autogen)", re.S)


def make_variant(kind, project):
    pom = project / "pet-manager/pom.xml"
    text = pom.read_text()
    if kind == "with":
        if not re.search(r"<artifactId>quarkus-flyway-autogen</artifactId>", text):
            dependency = ("        <dependency>\n"
                          "            <groupId>io.quarkiverse.flywayautogen</groupId>\n"
                          "            <artifactId>quarkus-flyway-autogen</artifactId>\n"
                          "            <version>999-SNAPSHOT</version>\n"
                          "        </dependency>\n")
            text = text.replace("    </dependencies>", dependency + "    </dependencies>", 1)
    else:
        text = COMMENT_BEFORE_RE.sub("", text)
        text = DEPENDENCY_RE.sub("", text)
        text = PLUGIN_RE.sub("", text)
        if "<artifactId>quarkus-flyway-autogen" in text:
            raise SystemExit(f"cannot remove every flyway-autogen dependency from {pom}")
        props = project / "pet-manager/src/main/resources/application.properties"
        lines = props.read_text().splitlines(keepends=True)
        props.write_text("".join(l for l in lines if not l.lstrip().startswith("quarkus.flyway-autogen.")))
    pom.write_text(text)
    # the marker method the benchmark edits: added in both variants before dev mode starts, so the start is alike
    pet = project / PET
    source = pet.read_text()
    if not MARKER_RE.search(source):
        cut = source.rstrip().rfind("}")
        pet.write_text(source[:cut] + MARKER_METHOD.lstrip("\n") + "}\n")


# ---------------------------------------------------------------------------------------------------- dev mode --

def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http_get(port, path, timeout):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as e:
        e.read()
        return e.code


def machine_busy_ticks():
    """CPU ticks spent busy by the whole machine (all cores) since boot."""
    with open("/proc/stat") as stat:
        fields = [int(v) for v in stat.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return sum(fields[:8]) - idle


def group_processes(pgid):
    """(pid, fields of /proc/<pid>/stat after the command name) of each live process of a process group."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:
            yield entry, fields


def group_ticks(pgid):
    """CPU ticks (user + system) of the live processes of a process group: the dev-mode Maven and its JVM."""
    return sum(int(fields[11]) + int(fields[12]) for _, fields in group_processes(pgid))


def devmode_jvm(pgid):
    """The pid of the dev-mode JVM (java -jar ...-dev.jar) in the process group, or None."""
    for pid, _ in group_processes(pgid):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                if "-dev.jar" in cmdline.read().decode(errors="replace"):
                    return pid
        except OSError:
            continue
    return None


def jit_counters(pid):
    """jstat -compiler of the dev-mode JVM: methods compiled so far and total compile time (s); None without jstat."""
    if pid is None or shutil.which("jstat") is None:
        return None
    try:
        out = subprocess.run(["jstat", "-compiler", pid], capture_output=True, text=True, timeout=30).stdout
        header, values = out.splitlines()[:2]
        row = dict(zip(header.split(), values.split()))
        return {"compiled": int(row["Compiled"]), "time_s": float(row["Time"])}
    except (OSError, ValueError, KeyError, subprocess.SubprocessError):
        return None


class CpuMeter:
    """CPU seconds used by the dev-mode process group, and by everything else, between start() and stop()."""

    def __init__(self, pgid):
        self.pgid = pgid

    def start(self):
        self.wall = time.perf_counter()
        self.busy = machine_busy_ticks()
        self.group = group_ticks(self.pgid)

    def stop(self):
        wall = time.perf_counter() - self.wall
        group = group_ticks(self.pgid) - self.group
        busy = machine_busy_ticks() - self.busy
        return {"devmode_cpu_s": group / CLOCK_TICKS, "other_cores": max(0, busy - group) / CLOCK_TICKS / wall}


def sha1(path):
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


class DevMode:
    def __init__(self, name, project, work, mvn_args, round_no, quiet_wait):
        self.name = name
        self.project = project
        self.port = free_port()
        self.log_path = work / f"devmode-{name}-{round_no}.log"
        self.db = work / f"db-{name}" / "dev.db"
        self.pid_file = work / "devmode.pids"
        self.mvn_args = mvn_args
        self.process = None
        self.quiet_wait = quiet_wait

    def log_text(self):
        return self.log_path.read_text(errors="replace")

    def start(self):
        command = ["./mvnw", "-B", *self.mvn_args, "quarkus:dev", "-pl", "pet-manager",
                   f"-Dquarkus.http.port={self.port}", "-Dquarkus.console.enabled=false", "-Ddebug=false",
                   "-Dquarkus.analytics.disabled=true", "-Dquarkus.live-reload.instrumentation=false",
                   "-Dquarkus.test.continuous-testing=disabled", "-Dquarkus.debug.dump-build-metrics=true"]
        env = dict(os.environ, PET_MANAGER_DB_PATH=str(self.db))
        log(f"[{self.name}] starting dev mode on port {self.port} (log {self.log_path})")
        out = open(self.log_path, "wb")
        started = time.perf_counter()
        self.process = subprocess.Popen(command, cwd=self.project, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        out.close()
        with open(self.pid_file, "a") as pids:
            pids.write(f"{self.process.pid}\n")
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"[{self.name}] dev mode exited ({self.process.returncode}):\n"
                                   + self.log_text()[-4000:])
            if time.perf_counter() - started > START_TIMEOUT:
                raise RuntimeError(f"[{self.name}] GET / did not answer 200 within {START_TIMEOUT} s:\n"
                                   + self.log_text()[-4000:])
            try:
                if http_get(self.port, "/", 5) == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        log(f"[{self.name}] up after {time.perf_counter() - started:.1f} s")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        except ProcessLookupError:
            pass
        log(f"[{self.name}] dev mode stopped")

    def settle(self):
        """A request with no edit, once the scan interval has passed: applies whatever changed during the start
        (e.g. a migration the extension wrote), so the timed reloads see only the entity edit."""
        offset = len(self.log_text())
        time.sleep(SCAN_INTERVAL)
        started = time.perf_counter()
        status = http_get(self.port, "/pets", RELOAD_TIMEOUT)
        elapsed = (time.perf_counter() - started) * 1000
        restarted = RESTARTING_RE.findall(self.log_text()[offset:])
        log(f"[{self.name}] settle request: HTTP {status} in {elapsed:.0f} ms"
            + (f", restarted for {restarted}" if restarted else ", no restart"))
        return restarted

    def wait_until_quiet(self):
        """Other processes (a build, tests) share the CPUs: wait, up to quiet_wait s, until they use < QUIET_CORES."""
        meter = CpuMeter(self.process.pid)
        deadline = time.perf_counter() + self.quiet_wait
        while True:
            meter.start()
            time.sleep(1)
            other = meter.stop()["other_cores"]
            if other < QUIET_CORES or time.perf_counter() > deadline:
                return other

    def reload(self, marker):
        """Edits the entity (no schema change), times the first GET /pets, checks the reload happened."""
        other_before = self.wait_until_quiet()
        jvm = devmode_jvm(self.process.pid)
        jit_before = jit_counters(jvm)
        time.sleep(SCAN_INTERVAL)
        meter = CpuMeter(self.process.pid)
        offset = len(self.log_text())
        before = sha1(self.project / PET_CLASS)
        metrics_mtime = mtime(self.project / BUILD_METRICS)
        pet = self.project / PET
        source, count = MARKER_RE.subn(lambda m: f"{m.group(1)}{marker}{m.group(3)}", pet.read_text())
        if count != 1:
            raise RuntimeError(f"marker method not found in {pet}")
        pet.write_text(source)
        meter.start()
        started = time.perf_counter()
        status = http_get(self.port, "/pets", RELOAD_TIMEOUT)
        elapsed_ms = (time.perf_counter() - started) * 1000
        cpu = meter.stop()
        if status != 200:
            raise RuntimeError(f"[{self.name}] GET /pets answered {status} after the edit:\n"
                               + self.log_text()[offset:][-4000:])
        # the reload logs its total time before the request goes on; give the pipe a moment anyway
        deadline = time.perf_counter() + 10
        while True:
            new_log = self.log_text()[offset:]
            live = LIVE_RELOAD_RE.findall(new_log)
            if live or time.perf_counter() > deadline:
                break
            time.sleep(0.1)
        after = sha1(self.project / PET_CLASS)
        problems = []
        if not live:
            problems.append("no 'Live reload total time' line")
        if before == after:
            problems.append("Pet.class unchanged")
        restarted = RESTARTING_RE.findall(new_log)
        if not restarted:
            problems.append("no 'Restarting quarkus' line")
        jit_after = jit_counters(jvm)
        jit = None
        if jit_before and jit_after:
            jit = {"compiled": jit_after["compiled"] - jit_before["compiled"],
                   "time_ms": (jit_after["time_s"] - jit_before["time_s"]) * 1000}
        metrics = None
        if mtime(self.project / BUILD_METRICS) != metrics_mtime:
            metrics = read_metrics(self.project / BUILD_METRICS)
        return {
            "http_ms": elapsed_ms,
            "devmode_cpu_ms": cpu["devmode_cpu_s"] * 1000,
            "other_cores": cpu["other_cores"],
            "other_cores_before": other_before,
            "jit": jit,
            "live_reload_ms": float(live[-1]) * 1000 if live else None,
            "started_ms": float(STARTED_RE.findall(new_log)[-1]) * 1000 if STARTED_RE.findall(new_log) else None,
            "restarted_for": restarted,
            "problems": problems,
            "metrics": metrics,
            "extension_log": [l for l in new_log.splitlines() if EXTENSION_LOG_RE.search(l)],
        }


def mtime(path):
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return None


def read_metrics(path):
    """build-metrics.json of the last augmentation: total wall time and the duration of every build step (ms)."""
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    steps = {}
    for record in data.get("records", []):
        step = record.get("stepId", "?")
        steps[step] = steps.get(step, 0) + record.get("duration", 0)
    return {"total": data.get("duration"), "steps": steps}


# ----------------------------------------------------------------------------------------------------- summary --

def stats(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return statistics.median(values), min(values), max(values)


def fmt_stats(values, unit="ms"):
    s = stats(values)
    if s is None:
        return "n/a"
    return f"median {s[0]:7.0f} {unit}   min {s[1]:7.0f} {unit}   max {s[2]:7.0f} {unit}"


def short_step(step):
    # "io.quarkus.hibernate.orm.deployment.HibernateOrmProcessor#build" -> "HibernateOrmProcessor#build"
    cls, _, method = step.partition("#")
    return cls.rsplit(".", 1)[-1] + ("#" + method if method else "")


def summary(results, names, start_notes):
    print()
    print("=== Dev-mode live reload after an entity edit (Pet.java, no schema change), Pet Manager ===")
    print("time = first GET /pets after the edit (dev mode compiles, restarts, then answers);"
          " 'Live reload total time' = Quarkus' own figure from the log")
    medians = {}
    live_medians = {}
    cpu_medians = {}
    other_max = 0.0
    for name in names:
        samples = results[name]["samples"]
        warm = results[name]["warmup"]
        http = [s["http_ms"] for s in samples]
        live = [s["live_reload_ms"] for s in samples]
        print()
        print(f"--- {name} the extension ({len(samples)} reloads"
              + (f", {len(warm)} warm-up reload(s) not counted" if warm else "") + ") ---")
        for note in start_notes.get(name, []):
            print(f"  note: {note}")
        print("  GET /pets after edit (ms): " + " ".join(f"{v:.0f}" for v in http))
        print("    " + fmt_stats(http))
        print("  Live reload total time (ms): " + " ".join("?" if v is None else f"{v:.0f}" for v in live))
        print("    " + fmt_stats(live))
        cpu = [s["devmode_cpu_ms"] for s in samples]
        print("  CPU time of the dev-mode processes during the request (ms): " + " ".join(f"{v:.0f}" for v in cpu))
        print("    " + fmt_stats(cpu))
        other = [s["other_cores"] for s in samples]
        print("  other processes' CPU use during the request (cores): " + " ".join(f"{v:.2f}" for v in other)
              + f"   ({sum(s.get('retakes', 0) for s in samples)} disturbed reload(s) retaken)")
        cpu_medians[name] = stats(cpu)[0]
        other_max = max(other_max, max(other))
        jit = [s["jit"] for s in samples if s.get("jit")]
        if jit:
            print("  JIT (jstat -compiler) per reload, methods compiled / compile time (ms): "
                  + " ".join(f"{j['compiled']}/{j['time_ms']:.0f}" for j in jit))
        augment = [s["metrics"]["total"] for s in samples if s["metrics"]]
        if augment:
            print("  augmentation (all build steps, wall) (ms): " + " ".join(f"{v:.0f}" for v in augment))
            print("    " + fmt_stats(augment))
        problems = [f"reload {i + 1}: {', '.join(s['problems'])}" for i, s in enumerate(samples) if s["problems"]]
        print("  sanity: " + ("every reload recompiled Pet.class, restarted Quarkus and logged its total time"
                              if not problems else "PROBLEMS: " + "; ".join(problems)))
        restarted_for = sorted({f for s in samples for f in s["restarted_for"]})
        print(f"  restarted due to changes in: {restarted_for}")
        medians[name] = stats(http)[0]
        live_medians[name] = stats(live)[0] if stats(live) else None

    if "with" in results:
        samples = results["with"]["samples"]
        print()
        print("--- the extension's own time per reload (\"with\") ---")
        lines = [l for s in results["with"]["warmup"] + samples for l in s["extension_log"]]
        if lines:
            print(f"  log lines of logger io.quarkiverse.flywayautogen during the reloads ({len(lines)}):")
            for line in lines[:20]:
                print("    " + line.strip())
        else:
            print("  no log lines of logger io.quarkiverse.flywayautogen during the reloads (the extension logs only when it"
                  " writes or withholds a migration; it logs no timing)")
        own = [sum(d for step, d in s["metrics"]["steps"].items() if "FlywayAutogen" in step)
               for s in samples if s["metrics"]]
        if own:
            print("  from build-metrics.json, build steps of FlywayAutogen*Processor (ms): "
                  + " ".join(f"{v:.0f}" for v in own))
            print("    " + fmt_stats(own))
        else:
            print("  build-metrics.json not found: no per-step figure")

    with_m = [s["metrics"] for s in results.get("with", {}).get("samples", []) if s["metrics"]]
    without_m = [s["metrics"] for s in results.get("without", {}).get("samples", []) if s["metrics"]]
    if with_m and without_m:
        print()
        print("--- build steps, median duration per reload (ms); steps run in parallel on the build threads ---")
        steps = set()
        for m in with_m + without_m:
            steps.update(m["steps"])

        def med(ms, step):
            return statistics.median(m["steps"].get(step, 0) for m in ms)

        rows = sorted(((med(with_m, st), med(without_m, st), st) for st in steps), reverse=True)
        print(f"  {'with':>7} {'without':>7}  step")
        for w, wo, st in rows[:15]:
            print(f"  {w:7.0f} {wo:7.0f}  {short_step(st)}")

    if "with" in medians and "without" in medians:
        print()
        ratio = medians["with"] / medians["without"]
        print(f"median GET /pets after edit: with {medians['with']:.0f} ms, without {medians['without']:.0f} ms,"
              f" difference {medians['with'] - medians['without']:+.0f} ms")
        if live_medians.get("with") and live_medians.get("without"):
            print(f"median Live reload total time: with {live_medians['with']:.0f} ms,"
                  f" without {live_medians['without']:.0f} ms,"
                  f" ratio {live_medians['with'] / live_medians['without']:.2f}")
        print(f"median CPU time of dev mode per reload: with {cpu_medians['with']:.0f} ms,"
              f" without {cpu_medians['without']:.0f} ms, ratio {cpu_medians['with'] / cpu_medians['without']:.2f}")
        if other_max >= QUIET_CORES:
            print(f"CAUTION: other processes used up to {other_max:.2f} cores of {os.cpu_count()} during some timed"
                  " reloads; the wall times are inflated there (the CPU-time ratio is less sensitive)")
        print(f"ratio with/without = {ratio:.2f} (target <= 1.20): {'met' if ratio <= 1.20 else 'MISSED'}")


def measure(args):
    work = Path(args.work)
    variants = []
    for spec in args.variant:
        name, _, directory = spec.partition("=")
        variants.append((name, Path(directory).resolve()))
    names = [n for n, _ in variants]
    results = {n: {"samples": [], "warmup": []} for n in names}
    start_notes = {n: [] for n in names}
    per_round = [args.runs // args.rounds + (1 if r < args.runs % args.rounds else 0) for r in range(args.rounds)]
    marker = 0
    current = None

    def on_signal(signum, _frame):
        if current is not None:
            current.stop()
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        for round_no in range(args.rounds):
            order = names if round_no % 2 == 0 else list(reversed(names))
            for name in order:
                project = dict(variants)[name]
                current = DevMode(name, project, work, args.mvn_arg, round_no + 1, args.quiet_wait)
                try:
                    current.start()
                    start_lines = [l.strip() for l in current.log_text().splitlines() if EXTENSION_LOG_RE.search(l)]
                    for line in start_lines:
                        start_notes[name].append("at start: " + line)
                    restarted = current.settle()
                    if restarted:
                        start_notes[name].append(f"settle request after start restarted for {restarted}")
                    for i in range(args.warmup + per_round[round_no]):
                        warm = i < args.warmup
                        for attempt in range(args.retakes + 1):
                            marker += 1
                            sample = current.reload(marker)
                            sample["retakes"] = attempt
                            disturbed = sample["other_cores"] >= QUIET_CORES
                            log(f"[{name}] {'warm-up' if warm else 'reload'} {i + 1 - (0 if warm else args.warmup)}:"
                                f" GET /pets {sample['http_ms']:.0f} ms, live reload"
                                f" {sample['live_reload_ms'] or float('nan'):.0f} ms, dev-mode CPU"
                                f" {sample['devmode_cpu_ms']:.0f} ms, other processes {sample['other_cores']:.2f} cores"
                                + (f", PROBLEMS {sample['problems']}" if sample["problems"] else "")
                                + (" -> disturbed, retaken" if disturbed and attempt < args.retakes and not warm
                                   else ""))
                            if warm or not disturbed:
                                break
                        results[name]["warmup" if warm else "samples"].append(sample)
                finally:
                    current.stop()
                    current = None
    finally:
        with open(work / "results.json", "w") as out:
            json.dump(results, out, indent=1)
    summary(results, names, start_notes)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    variant = sub.add_parser("variant")
    variant.add_argument("kind", choices=["with", "without"])
    variant.add_argument("project")
    run = sub.add_parser("measure")
    run.add_argument("--variant", action="append", required=True, help="NAME=DIR, NAME is with or without")
    run.add_argument("--runs", type=int, default=8)
    run.add_argument("--warmup", type=int, default=3)
    run.add_argument("--rounds", type=int, default=2)
    run.add_argument("--work", required=True)
    run.add_argument("--mvn-arg", action="append", default=[])
    run.add_argument("--retakes", type=int, default=3,
                     help="retake a reload during which other processes used >= 0.3 cores, up to this many times")
    run.add_argument("--quiet-wait", type=float, default=120,
                     help="before each reload, wait up to this many s for other processes to use < 0.3 cores")
    args = parser.parse_args()
    if args.command == "variant":
        make_variant(args.kind, Path(args.project))
    else:
        if args.runs < 1 or args.rounds < 1 or args.rounds > args.runs or args.warmup < 0:
            parser.error("need runs >= rounds >= 1 and warmup >= 0")
        measure(args)


if __name__ == "__main__":
    main()
