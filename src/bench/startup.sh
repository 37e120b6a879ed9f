#!/usr/bin/env bash
# How fast members start: launches real member processes on loopback (offline places) and prints,
# over RUNS runs each (default 5), the median and the min-max of
#   one member        launch -> its client port accepts a connection
#   first WHATSAT     launch -> an offline WHATSAT answered (IAMAT, WHATSAT, half-close, read to EOF)
#   five processes    five members launched at once -> all five ports accept
#   herd file         the five-member herd file in one process -> all five ports accept
# first as `java -jar` runs, then as the container image runs it, with a class-data-sharing archive
# made by src/main/docker/cds-archive.sh (CDS=0 leaves that out). Every run stops its processes
# (SIGTERM) before the next. Uses ports 12000-12004 and 12100-12104, so it takes
# /tmp/herd-ports.lock itself.
#   bash src/bench/startup.sh        (SKIP_BUILD=1 to reuse the jar; RUNS=9 for more runs;
#                                     JAVA_OPTS="..." to add JVM options to every run)
set -euo pipefail
if [ -z "${HERD_PORTS_LOCKED:-}" ]; then
  HERD_PORTS_LOCKED=1 exec flock /tmp/herd-ports.lock bash "$0" "$@"
fi
cd "$(dirname "$0")/../.."
ROOT=$PWD
JAR=${JAR:-$ROOT/target/herd-fat.jar}
RUNS=${RUNS:-5}
[ "${SKIP_BUILD:-0}" = 1 ] || mvn -q -B package -DskipTests
WORK=$(mktemp -d /tmp/herd-startup.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cp -r conf "$WORK/conf"
cd "$WORK"
ARCHIVE=
if [ "${CDS:-1}" = 1 ]; then
  PORT=12000 bash "$ROOT/src/main/docker/cds-archive.sh" "$JAR" "$WORK/herd.jsa"
  ARCHIVE=$WORK/herd.jsa
fi
env -u PLACES_API_KEY python3 - "$JAR" "$RUNS" "${JAVA_OPTS:-}" "$ARCHIVE" <<'PY'
import json, os, signal, socket, statistics, subprocess, sys, time

jar, runs, extra_opts, archive = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(), sys.argv[4]
names = ["Bailey", "Bona", "Campbell", "Clark", "Jaquez"]
ports = [12000 + i for i in range(5)]
LIMIT = 60.0  # a start slower than this is a failure, not a figure

def offline(member):
    member["places"] = {"provider": "offline"}
    return member

for name in names:
    conf = json.load(open(f"conf/{name}.json"))
    json.dump(offline(conf), open(f"conf/{name}.json", "w"))
herd = json.load(open("conf/herd.json"))
herd["servers"] = [offline(m) for m in herd["servers"]]
json.dump(herd, open("conf/herd.json", "w"))
solo = offline(json.load(open("conf/Bailey.json")))
solo["neighbours"] = {}
json.dump(solo, open("conf/Solo.json", "w"))

java_opts = []

def launch(conf):
    return subprocess.Popen(["java", *java_opts, *extra_opts, "-jar", jar, "-conf", conf],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def stop(processes):
    for p in processes:
        p.send_signal(signal.SIGTERM)
    for p in processes:
        try:
            p.wait(30)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()

def connect(port, started):
    """A connected socket, retried every 2 ms until the port accepts."""
    while time.monotonic() - started < LIMIT:
        s = socket.socket()
        try:
            s.connect(("127.0.0.1", port))
            return s
        except OSError:
            s.close()
            time.sleep(0.002)
    raise SystemExit(f"port {port} did not accept within {LIMIT} s")

def listening(confs, ports_to_watch):
    started = time.monotonic()
    processes = [launch(c) for c in confs]
    try:
        for port in ports_to_watch:
            connect(port, started).close()
        return time.monotonic() - started
    finally:
        stop(processes)

def first_whatsat():
    started = time.monotonic()
    processes = [launch("conf/Solo.json")]
    try:
        s = connect(12000, started)
        s.sendall(b"IAMAT startup.bench +34.068930-118.445127 %.9f\nWHATSAT startup.bench 10 5\n" % time.time())
        s.shutdown(socket.SHUT_WR)
        reply = b""
        while chunk := s.recv(65536):
            reply += chunk
        s.close()
        took = time.monotonic() - started
        if b'"status"' not in reply:
            raise SystemExit("no WHATSAT answer: " + reply[:200].decode(errors="replace"))
        return took
    finally:
        stop(processes)

scenarios = [
    ("one member listening", lambda: listening(["conf/Solo.json"], [12000])),
    ("first offline WHATSAT", first_whatsat),
    ("five processes listening", lambda: listening([f"conf/{n}.json" for n in names], ports)),
    ("herd file listening", lambda: listening(["conf/herd.json"], ports)),
]
modes = [("java -jar", [])] + ([("with the CDS archive", [f"-XX:SharedArchiveFile={archive}"])] if archive else [])
figures = {(mode, name): [] for mode, _ in modes for name, _ in scenarios}
for run in range(runs):  # modes and scenarios interleaved, so that a busy moment spreads over all of them
    for mode, opts in modes:
        java_opts = opts
        for name, scenario in scenarios:
            figures[(mode, name)].append(scenario())
for mode, _ in modes:
    print(f"start-up, {mode}{' ' + ' '.join(extra_opts) if extra_opts else ''}, {runs} runs each: median (min-max), seconds")
    for name, _ in scenarios:
        values = figures[(mode, name)]
        print(f"  {name:26} {statistics.median(values):6.2f}  ({min(values):.2f}-{max(values):.2f})")
PY
