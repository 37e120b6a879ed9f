#!/usr/bin/env bash
# The herd's benchmark: builds the jar, starts the standard five-member herd as five
# processes on loopback (offline places, admin ports 12100-12104), runs a fixed set of
# scenarios with herd-bench and prints one table. Bounded: each scenario runs seconds.
#   bash src/bench/run.sh            (DURATION=10 by default; SKIP_BUILD=1 to reuse the jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
JAR=${JAR:-$ROOT/target/herd-fat.jar}
DURATION=${DURATION:-10}
MEMBER_HEAP=${MEMBER_HEAP:-256m}
# Each member logs every line in and out by default (configuration.md, Logs); LOG_TRAFFIC=false measures without.
LOG_TRAFFIC=${LOG_TRAFFIC:-true}
D_RATE=${D_RATE:-12000}
# The rate the herd aims to sustain with a reply p99 of 10 ms, measured as its own scenario.
TARGET_RATE=${TARGET_RATE:-100000}
IDLE_PER_MEMBER=${IDLE_PER_MEMBER:-10000}
# (g): one connection pipelining FLOOD_LINES lines per write into Clark beside FAIR_RATE/s IAMATs on 20 others.
FLOOD_LINES=${FLOOD_LINES:-100000}
FAIR_RATE=${FAIR_RATE:-2000}
# A fresh JVM runs its first tens of seconds interpreted and compiling: the scenarios measure
# members that have first run this long in closed loop and as long again in open loop at half
# the target rate (unmeasured), as a serving herd has; and herd-bench itself (a fresh JVM per
# scenario) sends for BENCH_WARMUP seconds before it measures.
WARMUP=${WARMUP:-20}
BENCH_WARMUP=${BENCH_WARMUP:-10}
WORK=$(mktemp -d /tmp/herd-bench.XXXXXX)
PIDS=()

[ "${SKIP_BUILD:-0}" = 1 ] || mvn -q -B package -DskipTests
cp -r conf "$WORK/conf"
cd "$WORK"
source "$ROOT/src/bench/herd.sh"
configure_herd "$LOG_TRAFFIC"
# One process may hold at most this many sockets: idle connections are spread over one holder per member.
ulimit -n "$(ulimit -Hn)"
trap 'stop_herd; rm -rf "$WORK"' EXIT

bench() { # name, seconds, herd-bench options...
  local name=$1 seconds=$2 lines start; shift 2
  settle
  echo "== $name: herd-bench -d $seconds $*" >&2
  lines=$(log_lines); start=$(date +%s.%N)
  herd_bench -d "$seconds" -w "$BENCH_WARMUP" --json "$WORK/$name.json" "$@" >&2 || true
  python3 -c "print(round(($(log_lines) - $lines) / ($(date +%s.%N) - $start)))" > "$WORK/$name.lines"
}

log_lines() { # traffic lines the members' writers have taken into their files (GET /status): counting lines
  # in the files would miss those the retention cap (log.maxTotalMB) deletes during a scenario
  local total=0 port
  for port in 12100 12101 12102 12103 12104; do
    total=$((total + $(status_field "$port" log.writtenLines 2>/dev/null || echo 0)))
  done
  echo "$total"
}

heap_after_gc_mb() { # pid: used heap after a full GC, in MB
  jcmd "$1" GC.run > /dev/null
  jcmd "$1" GC.heap_info | python3 -c "
import re,sys
text=sys.stdin.read()
m=re.search(r'used (\d+)K', text)
print(round(int(m.group(1))/1024, 1))"
}

start_herd
echo "== warm-up, not measured: herd-bench -d $WARMUP -c 100 -p 16, then -r $((TARGET_RATE / 2))" >&2
herd_bench -d "$WARMUP" -c 100 -p 16 > "$WORK/warmup.out" 2>&1 || true
settle
herd_bench -d "$WARMUP" -c 100 -r "$((TARGET_RATE / 2))" >> "$WORK/warmup.out" 2>&1 || true

# (a) IAMAT throughput at max rate, 100 connections, closed loop.
bench a-max "$DURATION" -c 100 -p 16
# The maximum is what every member applied, not what the members answered: in closed loop
# they can answer faster than the herd floods, leaving a backlog that is not throughput.
MAX=$(field "$WORK/a-max.json" sustainedPerSecond)

# (a') the target rate, open loop: is it sustained (every member keeps up), and how fast are replies?
bench a-target "$DURATION" -c 100 -r "$TARGET_RATE"

# (b) latency and propagation at 50% of that rate, open loop.
bench b-half "$DURATION" -c 100 -r "$((MAX / 2))"

# (c) 10,000 idle connections per member (one holder process each), plus the load of (b).
# Heap per idle connection: each member's heap after a full GC with them open, less before.
settle
IDLE_BEFORE=()
for pid in "${PIDS[@]}"; do IDLE_BEFORE+=("$(heap_after_gc_mb "$pid")"); done
HOLDERS=()
for member in Bailey Bona Campbell Clark Jaquez; do
  herd_bench --members "$member" -c 1 -r 10 --idle "$IDLE_PER_MEMBER" \
    -w 60 -d "$((DURATION + 10))" --json "$WORK/c-idle-$member.json" > "$WORK/c-idle-$member.out" 2>&1 &
  HOLDERS+=($!)
done
# herd-bench prints its first line once every connection is open (a full accept queue makes some wait seconds).
for member in Bailey Bona Campbell Clark Jaquez; do
  for _ in $(seq 600); do grep -q '^herd-bench:' "$WORK/c-idle-$member.out" 2>/dev/null && break; sleep 0.1; done
done
PER_CONNECTION=()
i=0
for pid in "${PIDS[@]}"; do
  after=$(heap_after_gc_mb "$pid")
  PER_CONNECTION+=("$(python3 -c "print(round(($after - ${IDLE_BEFORE[$i]}) * 1024 / $IDLE_PER_MEMBER, 1))")")
  i=$((i + 1))
done
HEAP_PER_CONNECTION=$(printf '%s\n' "${PER_CONNECTION[@]}" | sort -n | sed -n 3p)
bench c-load "$DURATION" -c 100 -r "$((MAX / 2))"
for pid in "${HOLDERS[@]}"; do wait "$pid" || true; done
IDLE=0; IDLE_FAILED=0
for member in Bailey Bona Campbell Clark Jaquez; do
  IDLE=$((IDLE + $(field "$WORK/c-idle-$member.json" idleConnections)))
  IDLE_FAILED=$((IDLE_FAILED + $(field "$WORK/c-idle-$member.json" connectFailures)))
done

# (e) pipelined: 1,000 commands per write into one member.
bench e-pipelined "$DURATION" -c 4 -p 1000 --members Clark

# (g) fairness: a connection pipelining FLOOD_LINES lines per write (every other one invalid), a write
# whenever the last is answered, into Clark; the reply latency is the 20 other connections' to Clark.
bench g-fairness "$DURATION" -c 20 -r "$FAIR_RATE" --members Clark --flood "$FLOOD_LINES"

# (d) 1,000,000 distinct clients (IDs in turn, so 1,000,000 IAMATs reach them all): heap after a full GC.
# Open loop at a rate the herd sustains, so that what remains on the heap is the table, not a backlog.
bench d-clients "$((1100000 / D_RATE))" -c 100 -r "$D_RATE" --clients 1000000
HEAPS=""
for pid in "${PIDS[@]}"; do HEAPS="$HEAPS $(heap_after_gc_mb "$pid")"; done
CLIENTS=$(status_field 12100 clients)
stop_herd

# (f) the reference: redis-benchmark GEOADD with the same connection count.
REDIS=""
if command -v redis-server > /dev/null && command -v redis-benchmark > /dev/null; then
  redis-server --port 16379 --save '' --appendonly no --daemonize yes --pidfile "$WORK/redis.pid" > /dev/null
  sleep 0.5
  REDIS=$(redis-benchmark -p 16379 -c 100 -n 2000000 -P 16 -r 1000000 -q GEOADD herd -118.44 34.06 __rand_int__ \
    | grep -oE '[0-9.]+ requests per second' | grep -oE '^[0-9.]+' | head -1)
  kill "$(cat "$WORK/redis.pid")"
fi

printf '\nherd benchmark, %s, %s, %s cores, logTraffic=%s, member heap %s\n' "$(date -u +%Y-%m-%d)" "$(uname -m)" "$(nproc)" "$LOG_TRAFFIC" "$MEMBER_HEAP"
printf '%-52s %s\n' "scenario" "result"
printf '%-52s %s\n' "(a) IAMAT max, 100 connections, 16 per write" \
  "$MAX/s applied at every member ($(field "$WORK/a-max.json" repliesPerSecond)/s answered), reply p99 $(field "$WORK/a-max.json" replyLatencyMs.p99) ms; $(cat "$WORK/a-max.lines") traffic lines logged/s"
printf '%-52s %s\n' "(a') IAMAT at $TARGET_RATE/s, open loop" \
  "$(field "$WORK/a-target.json" sustainedPerSecond)/s applied at every member, reply p50 $(field "$WORK/a-target.json" replyLatencyMs.p50) ms, p99 $(field "$WORK/a-target.json" replyLatencyMs.p99) ms; propagation p99 $(field "$WORK/a-target.json" propagationWorstMs.p99) ms; $(cat "$WORK/a-target.lines") traffic lines logged/s"
printf '%-52s %s\n' "(b) IAMAT at 50% of (a), open loop" \
  "$(field "$WORK/b-half.json" repliesPerSecond)/s, reply p99 $(field "$WORK/b-half.json" replyLatencyMs.p99) ms"
for m in Bailey Bona Campbell Clark Jaquez; do
  printf '%-52s %s\n' "    propagation to $m" \
    "p50 $(field "$WORK/b-half.json" propagationMs.$m.p50) ms, p99 $(field "$WORK/b-half.json" propagationMs.$m.p99) ms, max $(field "$WORK/b-half.json" propagationMs.$m.max) ms"
done
printf '%-52s %s\n' "(c) $IDLE_PER_MEMBER idle connections per member + (b)" \
  "$IDLE idle, $IDLE_FAILED failed; load $(field "$WORK/c-load.json" repliesPerSecond)/s, reply p99 $(field "$WORK/c-load.json" replyLatencyMs.p99) ms, errors $(field "$WORK/c-load.json" connectFailures)"
printf '%-52s %s\n' "    heap per idle connection (KB, after full GC)" \
  "median $HEAP_PER_CONNECTION; per member: ${PER_CONNECTION[*]}"
printf '%-52s %s\n' "(d) distinct clients, heap after full GC (MB)" "$CLIENTS clients; heap per member:$HEAPS (max heap $MEMBER_HEAP)"
printf '%-52s %s\n' "(e) pipelined, 1,000 per write, into Clark" \
  "$(field "$WORK/e-pipelined.json" repliesPerSecond)/s answered, $(field "$WORK/e-pipelined.json" sustainedPerSecond)/s applied at every member, reply p99 $(field "$WORK/e-pipelined.json" replyLatencyMs.p99) ms"
printf '%-52s %s\n' "(g) $FLOOD_LINES pipelined per write into Clark, + $FAIR_RATE/s" \
  "others' reply p50 $(field "$WORK/g-fairness.json" replyLatencyMs.p50) ms, p99 $(field "$WORK/g-fairness.json" replyLatencyMs.p99) ms; flooder answered $(field "$WORK/g-fairness.json" floodRepliesPerSecond) lines/s"
if [ -n "$REDIS" ]; then
  printf '%-52s %s\n' "(f) redis-benchmark GEOADD, 100 connections, -P 16" \
    "$REDIS/s; (a)/(f) = $(python3 -c "print(round($MAX/$REDIS, 2))")"
else
  printf '%-52s %s\n' "(f) redis-benchmark GEOADD" "skipped: apt-get install redis-server"
fi
