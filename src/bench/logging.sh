#!/usr/bin/env bash
# What logging every line costs, side by side: the same load against the standard herd (five
# processes on loopback, offline places) with the default configuration (every line logged) and
# with logTraffic=false, alternating which goes first, ROUNDS times in one run. Each start is
# warmed up until the members' JIT compilers are done (warm_up in herd.sh), then measured closed
# loop with 100 connections at 1 and at 10 commands in flight per connection. Prints every figure,
# the medians and their ratio (logged / not logged).
#   flock /tmp/herd-ports.lock bash src/bench/logging.sh   (ROUNDS=3 DURATION=10 WARMUP_MAX=120; SKIP_BUILD=1)
# LOG='{"compress": false}' gives the logged herd a log object of its own (default: none, the defaults).
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/herd.sh
bench_prologue logging
for traffic in true false; do
  mkdir -p "$WORK/$traffic"
  cp -r conf "$WORK/$traffic/conf"
  (cd "$WORK/$traffic" && configure_herd "$traffic" "$([ "$traffic" = true ] && echo "${LOG:-}")")
done
trap 'stop_herd; rm -rf "$WORK"' EXIT

measure() { # logTraffic, round, commands in flight per connection
  local name="$1-$2-p$3" before after start end
  settle
  before=$(log_write_bytes); start=$(date +%s.%N)
  local ticks_before writer_before ticks_after writer_after
  ticks_before=$(member_ticks); writer_before=$(thread_ticks 'herd-log-*')
  herd_bench -d "$DURATION" -w 3 -c 100 -p "$3" --json "$WORK/$name.json" > "$WORK/$name.out" 2>&1 || true
  ticks_after=$(member_ticks); writer_after=$(thread_ticks 'herd-log-*')
  after=$(log_write_bytes); end=$(date +%s.%N)
  python3 -c "import sys; print(round(($after - $before) / 1e6 / ($end - $start), 1))" > "$WORK/$name.disk"
  # CPU of the members (and of their log writers) per reply, over the whole bench run (warm-up included)
  python3 -c "import json; r = json.load(open('$WORK/$name.json'))['repliesPerSecond'] * ($end - $start); \
print(round(($ticks_after - $ticks_before) * 1e4 / r, 1), round(($writer_after - $writer_before) * 1e4 / r, 1))" \
    > "$WORK/$name.cpu" 2>/dev/null || echo "nan nan" > "$WORK/$name.cpu"
  read -r cpu writer < "$WORK/$name.cpu"
  echo "  logTraffic=$1 round $2 -p $3: $(field "$WORK/$name.json" repliesPerSecond)/s, reply p99 $(field "$WORK/$name.json" replyLatencyMs.p99) ms, $(cat "$WORK/$name.disk") MB/s to disk, members' CPU ${cpu} us per reply (log writers ${writer})" >&2
}

for round in $(seq "$ROUNDS"); do
  order="true false"
  [ $((round % 2)) = 0 ] && order="false true"
  for traffic in $order; do
    cd "$WORK/$traffic"
    rm -rf logs
    start_herd
    warm_up -c 100 -p 10
    measure "$traffic" "$round" 1
    measure "$traffic" "$round" 10
    stop_herd
  done
done

python3 - "$WORK" "$ROUNDS" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
def figure(traffic, r, p, key):
    try:
        d = json.load(open(f"{work}/{traffic}-{r}-p{p}.json"))
        for k in key.split('.'):
            d = d[k]
        return d
    except (OSError, KeyError, ValueError):
        return float('nan')
print(f"\nlogging side by side: 100 connections, closed loop, {rounds} rounds (medians)")
print(f"{'in flight':<10} {'logged IAMAT/s':>15} {'not logged':>12} {'ratio':>6} {'p99 logged':>11} {'p99 not':>8}  per-round ratios")
for p in (1, 10):
    on = [figure("true", r, p, "repliesPerSecond") for r in range(1, rounds + 1)]
    off = [figure("false", r, p, "repliesPerSecond") for r in range(1, rounds + 1)]
    p99on = statistics.median(figure("true", r, p, "replyLatencyMs.p99") for r in range(1, rounds + 1))
    p99off = statistics.median(figure("false", r, p, "replyLatencyMs.p99") for r in range(1, rounds + 1))
    ratios = [round(a / b, 2) for a, b in zip(on, off)]
    print(f"{p:<10} {statistics.median(on):>15.0f} {statistics.median(off):>12.0f} "
          f"{statistics.median(on) / statistics.median(off):>6.2f} {p99on:>9} ms {p99off:>5} ms  {ratios}")
PY
