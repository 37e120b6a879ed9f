#!/usr/bin/env bash
# Anti-entropy in bounded memory: two members, each of them alone given the same 1,000,000
# clients at other places and times (so every bucket differs), are then made neighbours by an
# edit of their files; anti-entropy reconciles them. Prints the time until their digests are
# equal, the most heap either used meanwhile (sampled) and each one's heap after a full GC;
# each runs in a 256 MB heap, where a member that could not stream would run out.
#   bash src/bench/antientropy.sh        (CLIENTS=1000000 RATE=50000 SKIP_BUILD=1 MEMBER_HEAP=256m)
# Fixed loopback ports 12600-12601 (clients) and 12700-12701 (admin).
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/herd.sh
ROOT=$PWD
JAR=${JAR:-$ROOT/target/herd-fat.jar}
CLIENTS=${CLIENTS:-1000000}
RATE=${RATE:-50000}
MEMBER_HEAP=${MEMBER_HEAP:-256m}
WORK=$(mktemp -d /tmp/herd-antientropy.XXXXXX)
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ "${SKIP_BUILD:-0}" = 1 ] || mvn -q -B package -DskipTests

member_file() { # name port admin neighbours-json
  # Traffic lines are not what is measured here: loading 2,000,000 IAMATs needs no log of them.
  cat > "$WORK/$1.json" <<JSON
{"name": "$1", "host": "127.0.0.1", "port": $2, "neighbours": $4, "places": {"provider": "offline"},
 "logFile": "$WORK/$1.log", "logTraffic": false, "admin": {"port": $3}}
JSON
}
member_file A 12600 12700 '{}'
member_file B 12601 12701 '{}'
for m in A B; do
  echo "{\"servers\": [$(cat "$WORK/$m.json")]}" > "$WORK/herd-$m.json"
done

status() { curl -s "http://127.0.0.1:$1/status"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

for m in A B; do
  env -u HERD_SECRET java -Xms"$MEMBER_HEAP" -Xmx"$MEMBER_HEAP" -jar "$JAR" -conf "$WORK/$m.json" > "$WORK/$m.out" 2>&1 &
  PIDS+=($!)
done
for port in 12700 12701; do
  for _ in $(seq 100); do status "$port" > /dev/null && break; sleep 0.2; done
done

for m in A B; do
  java -cp "$JAR" herd.loadgen.HerdBench --herd "$WORK/herd-$m.json" -c 50 -r "$RATE" -w 0 \
    -d $(( CLIENTS / RATE + 2 )) --clients "$CLIENTS" > "$WORK/load-$m.out" 2>&1
done
echo "A holds $(status 12700 | field clients) clients, B $(status 12701 | field clients)"

start=$(date +%s.%N)
member_file A 12600 12700 '{"B": "127.0.0.1:12601"}'
member_file B 12601 12701 '{"A": "127.0.0.1:12600"}'
peak=0
for _ in $(seq 1200); do
  for pid in "${PIDS[@]}"; do
    used=$(heap_used_mb "$pid"); [ "$used" -gt "$peak" ] && peak=$used
  done
  a=$(status 12700 | field digest); b=$(status 12701 | field digest)
  [ "$a" = "$b" ] && break
  sleep 0.25
done
end=$(date +%s.%N)
[ "$a" = "$b" ] || { echo "digests still differ after 5 minutes"; exit 1; }
after=""
for pid in "${PIDS[@]}"; do jcmd "$pid" GC.run > /dev/null; after="$after $(heap_used_mb "$pid")"; done
printf 'reconciled %s clients each (every bucket different): digests equal %.1f s after the edit (links up within the 2 s scan)\n' \
  "$CLIENTS" "$(python3 -c "print($end - $start)")"
printf 'heap: most used while reconciling (sampled) %s MB; after a full GC:%s MB; max heap %s\n' "$peak" "$after" "$MEMBER_HEAP"
for m in A B; do grep -h "anti-entropy with" "$WORK/$m.log" | tail -3; done
for pid in "${PIDS[@]}"; do kill -0 "$pid" || { echo "a member died:"; cat "$WORK"/*.out; exit 1; }; done
