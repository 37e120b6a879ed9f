#!/usr/bin/env bash
# The herd past five members (see src/site/markdown/scale.md): for each size N in SIZES, a generated
# herd (herd.topology.GenerateHerd, SHAPE with about DEGREE neighbours each) runs as PROCESSES (2)
# processes on loopback: the first member, m001, alone in its own JVM so that it can be restarted, every
# other member in the rest (from herd files, split evenly). Each is warmed up until its JIT compilers are done, then measured
# ROUNDS times at RATE IAMAT/s open loop over CLIENTS clients: propagation (every member's figures
# merged, and the member updates reach last), what each member's peer links carry per update, the
# herd's CPU per update; then, once every client has reported (CLIENTS/RATE seconds of load), heap
# after a full GC; then m001 is stopped and restarted empty, and
# timed from its links up until it holds every client and its table equals the others'.
# With CUT_SIZE > 0, a herd of that size in the regions shape (3 regions) also has every link
# between one region and the others cut for CUT_SECONDS under load, and is timed until it agrees again.
# Prints one self-describing summary; writes OUT/scale.json, OUT/scale.csv and OUT/scale-propagation.svg.
#   flock /tmp/herd-ports.lock bash src/bench/scale.sh
#   (SIZES="5 25 50 100" SHAPE=random DEGREE=4 RATE=5000 CLIENTS=100000 ROUNDS=3 DURATION=10
#    CUT_SIZE=50 CUT_SECONDS=30 WARMUP_MAX=120 OUT=target/scale SKIP_BUILD=1 LOG_TRAFFIC=true PROCESSES=2
#    MB_PER_MEMBER=80)
# Fixed loopback ports: 13000 up (clients) and 14000 up (admin), one each per member.
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/herd.sh
bench_prologue scale
SIZES=${SIZES:-5 25 50 100}
SHAPE=${SHAPE:-random}
DEGREE=${DEGREE:-4}
RATE=${RATE:-5000}
CLIENTS=${CLIENTS:-100000}
CUT_SIZE=${CUT_SIZE:-50}
CUT_SECONDS=${CUT_SECONDS:-30}
# Every line logged, as the herd does by default; LOG_TRAFFIC=false measures without traffic logging.
LOG_TRAFFIC=${LOG_TRAFFIC:-true}
PROCESSES=${PROCESSES:-2}
# The largest heap of a process of several members: 256 MB and this much per member.
MB_PER_MEMBER=${MB_PER_MEMBER:-80}
OUT=$(mkdir -p "${OUT:-target/scale}" && cd "${OUT:-target/scale}" && pwd)
PROBE=m001
trap 'stop_herd; rm -rf "$WORK"' EXIT

herd_java() { # class options...
  java -cp "$JAR" "$@"
}

# The herd of conf/herd.json (in the current folder) as PROCESSES processes: PIDS=(the probe, the rest...).
start_scale_herd() { # members
  local file members
  PIDS=()
  start_probe
  for file in conf/rest-*.json; do
    members=$(python3 -c "import json, sys; print(len(json.load(open(sys.argv[1]))['servers']))" "$file")
    env -u PLACES_API_KEY java ${JAVA_OPTS:-} -Xmx$((256 + MB_PER_MEMBER * members))m -jar "$JAR" -conf "$file" > "$(basename "$file" .json).out" 2>&1 &
    PIDS+=($!)
  done
  herd_java herd.loadgen.Agreement --herd conf/herd.json --timeout 120 > up.out \
    || { echo "scale.sh: the herd of $1 did not come up:" >&2; tail -20 rest-*.out probe.out >&2; exit 1; }
}

start_probe() {
  env -u PLACES_API_KEY java ${JAVA_OPTS:-} -Xms"$MEMBER_HEAP" -Xmx"$MEMBER_HEAP" -jar "$JAR" -conf "conf/$PROBE.json" >> probe.out 2>&1 &
  PIDS[0]=$!
}

loadavg() { cut -d' ' -f1 /proc/loadavg; }

# Every member but the probe, in PROCESSES - 1 herd files of (nearly) equal size; the same links.
split_herd() {
  python3 - "$PROBE" "$PROCESSES" <<'PY'
import json, sys
probe, files = sys.argv[1], max(1, int(sys.argv[2]) - 1)
herd = json.load(open("conf/herd.json"))
rest = [m for m in herd["servers"] if m["name"] != probe]
for i in range(files):
    json.dump(dict(herd, servers=rest[i::files]), open(f"conf/rest-{i + 1}.json", "w"), indent=2)
PY
}

# Cuts (or restores) every link between the last of 3 regions and the others, as GenerateHerd's
# regions shape groups the members, by editing the running herd's files (they are watched).
edit_cut() { # cut|restore
  python3 - "$1" "$PROBE" <<'PY'
import json, sys, shutil, os, glob
action, probe = sys.argv[1], sys.argv[2]
files = [os.path.basename(f)[:-5] for f in sorted(glob.glob("conf/rest-*.json"))] + [probe]
if action == "restore":
    for f in files:
        shutil.copy(f"conf/{f}.uncut", f"conf/{f}.json.new"); os.replace(f"conf/{f}.json.new", f"conf/{f}.json")
    sys.exit()
herd = json.load(open("conf/herd.json"))
names = sorted(m["name"] for m in herd["servers"])
n = len(names)
island = set(names[2 * n // 3:])
cut = sorted({tuple(sorted((m["name"], o))) for m in herd["servers"] for o in m["neighbours"]
              if (m["name"] in island) != (o in island)})
for f in files:
    shutil.copy(f"conf/{f}.json", f"conf/{f}.uncut")
    conf = json.load(open(f"conf/{f}.json"))
    for m in conf.get("servers", [conf]):
        for a, b in cut:
            if m["name"] in (a, b):
                m["neighbours"].pop(b if m["name"] == a else a, None)
    json.dump(conf, open(f"conf/{f}.json.new", "w"), indent=2)
    os.replace(f"conf/{f}.json.new", f"conf/{f}.json")
json.dump({"island": len(island), "links": [list(l) for l in cut]}, open("cut-links.json", "w"))
PY
}

measure_size() { # members shape
  local n=$1 shape=$2 dir="$WORK/$2-$1" round
  mkdir -p "$dir"
  cd "$dir"
  herd_java herd.topology.GenerateHerd --members "$n" --shape "$shape" --degree "$DEGREE" --port 13000 \
    --admin-port 14000 --out conf > generated.out
  configure_herd "$LOG_TRAFFIC"
  split_herd
  echo "== $n members, $shape: $(cat generated.out)" >&2
  start_scale_herd "$n"
  echo "${#PIDS[@]}" > processes
  warm_up -c 100 -r "$RATE" --clients "$CLIENTS"
  for round in $(seq "$ROUNDS"); do
    echo "$(loadavg)" > "load-$round"
    herd_bench -c 100 -r "$RATE" -d "$DURATION" -w 2 --clients "$CLIENTS" --cpu-of "$(IFS=,; echo "${PIDS[*]}")" \
      --json "bench-$round.json" > "bench-$round.out" 2>&1 || true
    echo "  round $round: load $(cat "load-$round"), propagation p99 $(field "bench-$round.json" propagationAllMs.p99) ms (all)," \
      "$(field "bench-$round.json" propagationWorstMs.p99) ms (worst member), CPU $(field "bench-$round.json" cpuMicrosPerUpdate) us/update" >&2
  done
  # Every one of the CLIENTS clients once (each herd-bench run starts again at the first).
  herd_bench -c 100 -r "$RATE" -w 0 -d $(( (CLIENTS + RATE - 1) / RATE + 1 )) --clients "$CLIENTS" > fill.out 2>&1 || true
  herd_java herd.loadgen.Agreement --herd conf/herd.json --timeout 120 > settled.out || true
  local used=0 pid
  for pid in "${PIDS[@]}"; do jcmd "$pid" GC.run > /dev/null; used=$((used + $(heap_used_mb "$pid"))); done
  curl -s "http://127.0.0.1:14000/status" > probe-status.json
  echo "$used" > heap-mb
  # The probe restarts empty; the others keep their tables.
  kill "${PIDS[0]}"; wait "${PIDS[0]}" 2>/dev/null || true
  echo "$(loadavg)" > load-restart
  start_probe
  herd_java herd.loadgen.Agreement --herd conf/herd.json --member "$PROBE" --clients "$(clients_held)" \
    --timeout 300 --json restart.json > restart.out || true
  echo "  restart: $(cat restart.out)" >&2
  if [ "$shape" = regions ]; then
    herd_bench -c 100 -r "$RATE" -d $((CUT_SECONDS + 5)) -w 0 --clients "$CLIENTS" > cut-load.out 2>&1 &
    local load=$!
    sleep 5
    echo "$(loadavg)" > load-cut
    edit_cut cut
    sleep "$CUT_SECONDS"
    date +%s%3N > restored-at
    edit_cut restore
    wait "$load" || true
    herd_java herd.loadgen.Agreement --herd conf/herd.json --timeout 300 --json cut.json > cut.out || true
    echo "  cut: $(cat cut-links.json); $(cat cut.out)" >&2
  fi
  stop_herd
  python3 "$ROOT/src/bench/scale_record.py" "$n" "$shape" "$RATE" "$LOG_TRAFFIC" >> "$WORK/results.jsonl"
  rm -rf logs # every line of a large herd is gigabytes: the figures are recorded, the disk is shared
  cd "$ROOT"
}

clients_held() { python3 -c "import json; print(json.load(open('probe-status.json'))['clients'])"; }

echo "scale.sh: sizes $SIZES ($SHAPE, degree $DEGREE), $RATE IAMAT/s open loop over $CLIENTS clients," \
  "$ROUNDS rounds of ${DURATION}s; logTraffic $LOG_TRAFFIC; cut: ${CUT_SIZE} members, ${CUT_SECONDS}s; $PROCESSES processes; $(nproc) cores;" \
  "load average now $(loadavg)" >&2
for n in $SIZES; do
  measure_size "$n" "$SHAPE"
done
if [ "$CUT_SIZE" -gt 0 ]; then
  measure_size "$CUT_SIZE" regions
fi
python3 src/bench/scale_record.py --summary "$WORK/results.jsonl" "$OUT"
herd_java herd.loadgen.ScalePlot "$OUT/scale.json" "$OUT/scale-propagation.svg"
echo "wrote $OUT/scale.json, $OUT/scale.csv, $OUT/scale-propagation.svg"
