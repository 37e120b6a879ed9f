# Shared by the benchmark scripts (sourced): the standard five-member herd as five processes on
# loopback, from conf/*.json in the current directory. Needs JAR, WORK, MEMBER_HEAP and PIDS=()
# (bench_prologue sets them); JAVA_OPTS, if set, adds JVM options to every member.

bench_prologue() { # name: from the repository's root, the jar (built unless SKIP_BUILD=1) and a work folder
  ROOT=$PWD
  JAR=${JAR:-$ROOT/target/herd-fat.jar}
  DURATION=${DURATION:-10}
  ROUNDS=${ROUNDS:-3}
  MEMBER_HEAP=${MEMBER_HEAP:-256m}
  WORK=$(mktemp -d "/tmp/herd-$1.XXXXXX")
  PIDS=()
  [ "${SKIP_BUILD:-0}" = 1 ] || mvn -q -B package -DskipTests
}

configure_herd() { # logTraffic (true or false) [log object as JSON]: rewrites conf/*.json in the current directory
  local f
  for f in conf/*.json; do
    python3 - "$f" "$1" "${2:-}" <<'PY'
import json, sys
path, traffic, log = sys.argv[1], sys.argv[2] == "true", sys.argv[3]
conf = json.load(open(path))
for member in conf.get("servers", [conf]):
    member["logTraffic"] = traffic
    if log:
        member["log"] = json.loads(log)
json.dump(conf, open(path, "w"), indent=2)
PY
  done
}

stop_herd() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}

start_herd() {
  for member in Bailey Bona Campbell Clark Jaquez; do
    env -u PLACES_API_KEY java ${JAVA_OPTS:-} -Xms"$MEMBER_HEAP" -Xmx"$MEMBER_HEAP" -jar "$JAR" -conf "conf/$member.json" \
      > "$WORK/$member.out" 2>&1 &
    PIDS+=($!)
  done
  for port in 12100 12101 12102 12103 12104; do
    for _ in $(seq 100); do
      status=$(curl -s "http://127.0.0.1:$port/status" || true)
      if [ -n "$status" ] && ! grep -q '"down"' <<<"$status"; then break; fi
      sleep 0.2
    done
  done
  local i=0 member
  for member in Bailey Bona Campbell Clark Jaquez; do
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      echo "run.sh: $member did not start:" >&2
      cat "$WORK/$member.out" >&2
      exit 1
    fi
    i=$((i + 1))
  done
}


# A closed-loop maximum leaves the members seconds of floods behind: each scenario starts
# once the herd has settled, i.e. all five tables are equal (bounded: 60 s at most).
settle() {
  for _ in $(seq 300); do
    digests=$(for port in 12100 12101 12102 12103 12104; do
      status_field "$port" digest 2>/dev/null || echo "no answer from $port"
    done | sort -u | wc -l)
    [ "$digests" = 1 ] && break
    sleep 0.2
  done
  # Then until the members are quiet (under a tenth of a core for a second: the garbage and
  # recompilation a maximum leaves behind are done), at most 30 s.
  for _ in $(seq 30); do
    local before after
    before=$(member_ticks); sleep 1; after=$(member_ticks)
    [ $((after - before)) -lt 10 ] && return 0
  done
}

member_ticks() { # CPU ticks (1/100 s) the members have used
  local total=0 pid
  for pid in "${PIDS[@]}"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

# CPU ticks (1/100 s) the members' JIT compiler threads have used. A fresh JVM compiles for tens of
# seconds under load, and five of them on two cores leave a short warm-up measuring the compilers.
compiler_ticks() {
  thread_ticks 'C[12] CompilerThre*'
}

thread_ticks() { # glob of thread names: CPU ticks (1/100 s) the members' threads of that name have used
  local total=0 pid task
  for pid in "${PIDS[@]}"; do
    for task in /proc/"$pid"/task/*; do
      # shellcheck disable=SC2053 # the glob is the point
      if [[ "$(cat "$task/comm" 2>/dev/null)" == $1 ]]; then
        total=$((total + $(sed 's/.*) //' "$task/stat" 2>/dev/null | awk '{print $12 + $13}' || echo 0)))
      fi
    done
  done
  echo "$total"
}

# Load (herd-bench options...) in 10 s slices until the members' compilers are done with it: under
# a twentieth of a core in the last slice, WARMUP_MAX seconds (default 120) at most. Prints the slices.
warm_up() {
  local before after seconds=0
  while [ "$seconds" -lt "${WARMUP_MAX:-120}" ]; do
    before=$(compiler_ticks)
    herd_bench -d 10 -w 0 "$@" > /dev/null 2>&1 || true
    after=$(compiler_ticks)
    seconds=$((seconds + 10))
    echo "  warm-up ${seconds}s: compilers used $(( (after - before) * 10 )) ms of CPU in the last 10 s" >&2
    if [ $((after - before)) -lt 50 ]; then
      break
    fi
  done
}

herd_bench() { # herd-bench options... (against the standard herd)
  java -cp "$JAR" herd.loadgen.HerdBench --herd conf/herd.json "$@"
}

status_field() { # admin port, jq-like path: that field of the member's GET /status
  curl -s "http://127.0.0.1:$1/status" \
    | python3 -c "import json,sys; d=json.load(sys.stdin); [d:=d[k] for k in sys.argv[1].split('.')]; print(d)" "$2"
}

field() { # file, jq-like path of a JSON number
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); [d:=d[k] for k in sys.argv[2].split('.')]; print(d)" "$@"
}

log_write_bytes() { # bytes the members have written to storage (their log files) so far
  local total=0 pid
  for pid in "${PIDS[@]}"; do
    total=$((total + $(awk '/^write_bytes/ {print $2}' "/proc/$pid/io" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

heap_used_mb() { # pid: the heap the process uses now, in MB (after a GC.run, what is live)
  jcmd "$1" GC.heap_info 2>/dev/null | python3 -c "
import re,sys
m=re.search(r'used (\d+)K', sys.stdin.read())
print(round(int(m.group(1))/1024) if m else 0)"
}
