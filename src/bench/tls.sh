#!/usr/bin/env bash
# What TLS costs, side by side: the standard herd (five processes on loopback, offline places,
# default configuration) with peer ports, all plain TCP, and then all TLS: mutual TLS on the peer
# links and clients (herd-bench --tls) on TLS client ports only, 300 above the plain ones
# (certificates made here with openssl, P-256, SAN = member name and 127.0.0.1), alternating which
# goes first, ROUNDS times in one run. Each start is warmed up until the members' JIT compilers are
# done, then measured closed loop (100 connections, 16 in flight) and open loop at RATE IAMAT/s. Prints every
# figure, the medians and the ratio (TLS / plain).
#   flock /tmp/herd-ports.lock bash src/bench/tls.sh   (ROUNDS=3 RATE=10000 DURATION=10; SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/herd.sh
bench_prologue tls
RATE=${RATE:-10000}
trap 'stop_herd; rm -rf "$WORK"' EXIT
cd "$WORK"

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj "/CN=herd peer CA" \
  -keyout ca.key -out ca.pem 2>/dev/null
for member in Bailey Bona Campbell Clark Jaquez; do
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$member" \
    -keyout "$member.key" -out "$member.csr" 2>/dev/null
  openssl x509 -req -in "$member.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 \
    -extfile <(printf "subjectAltName=DNS:%s,IP:127.0.0.1\nbasicConstraints=CA:FALSE" "$member") -out "$member.pem" 2>/dev/null
done

configure() { # plain | tls: conf/ of the standard herd with peer ports 200 above the client ports; TLS clients 300 above
  rm -rf conf logs
  cp -r "$ROOT/conf" conf
  for f in conf/*.json; do
    python3 - "$f" "$1" "$WORK" <<'PY'
import json, sys
path, mode, work = sys.argv[1], sys.argv[2], sys.argv[3]
conf = json.load(open(path))
for m in conf.get("servers", [conf]):
    m["peerPort"] = m["port"] + 200
    m["neighbours"] = {n: a.rsplit(":", 1)[0] + ":" + str(int(a.rsplit(":", 1)[1]) + 200)
                       for n, a in m["neighbours"].items()}
    if mode == "tls":
        m["peerTls"] = {"key": f"{work}/{m['name']}.key", "cert": f"{work}/{m['name']}.pem", "ca": f"{work}/ca.pem"}
        m["clientTls"] = {"port": m.pop("port") + 300, "key": f"{work}/{m['name']}.key",
                          "cert": f"{work}/{m['name']}.pem"}
json.dump(conf, open(path, "w"), indent=2)
PY
  done
}

for round in $(seq "$ROUNDS"); do
  order="plain tls"
  [ $((round % 2)) = 0 ] && order="tls plain"
  for mode in $order; do
    configure "$mode"
    clients=()
    [ "$mode" = tls ] && clients=(--tls --ca "$WORK/ca.pem")
    start_herd
    warm_up -c 100 -p 16 "${clients[@]}"
    settle
    herd_bench -d "$DURATION" -w 3 -c 100 -p 16 "${clients[@]}" --json "$WORK/$mode-$round-max.json" > /dev/null 2>&1 || true
    settle
    herd_bench -d "$DURATION" -w 3 -c 100 -r "$RATE" "${clients[@]}" --json "$WORK/$mode-$round-rate.json" \
      > /dev/null 2>&1 || true
    stop_herd
    echo "  $mode round $round: closed loop $(field "$WORK/$mode-$round-max.json" repliesPerSecond) replies/s," \
      "$(field "$WORK/$mode-$round-max.json" sustainedPerSecond)/s at every member; at $RATE/s reply p99" \
      "$(field "$WORK/$mode-$round-rate.json" replyLatencyMs.p99) ms, propagation p99" \
      "$(field "$WORK/$mode-$round-rate.json" propagationWorstMs.p99) ms" >&2
  done
done

python3 - "$WORK" "$ROUNDS" "$RATE" <<'PY'
import json, statistics, sys
work, rounds, rate = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def median(mode, kind, key):
    values = []
    for r in range(1, rounds + 1):
        try:
            d = json.load(open(f"{work}/{mode}-{r}-{kind}.json"))
            for k in key.split('.'):
                d = d[k]
            values.append(d)
        except (OSError, KeyError, ValueError, TypeError):
            pass
    return statistics.median(values) if values else float('nan')
print(f"\nTLS (mutual on the peer links, TLS clients) against plain TCP, {rounds} rounds (medians)")
print(f"{'':<38} {'plain':>10} {'TLS':>10} {'TLS/plain':>10}")
for label, kind, key in (("closed loop, replies/s", "max", "repliesPerSecond"),
                         ("closed loop, applied at every member/s", "max", "sustainedPerSecond"),
                         (f"at {rate}/s: reply p99, ms", "rate", "replyLatencyMs.p99"),
                         (f"at {rate}/s: propagation p99, ms", "rate", "propagationWorstMs.p99")):
    a, b = median("plain", kind, key), median("tls", kind, key)
    print(f"{label:<38} {a:>10.1f} {b:>10.1f} {b / a if a else float('nan'):>10.2f}")
PY
