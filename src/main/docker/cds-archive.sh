#!/usr/bin/env bash
# Writes a class-data-sharing archive for the fat jar: a training run of a two-member herd
# (offline places, one admin endpoint) that listens, answers an IAMAT, a WHATSAT and a /metrics
# scrape, then stops on SIGTERM; the JVM archives every class it loaded as it exits. A JVM started
# with -XX:SharedArchiveFile=ARCHIVE then maps those classes instead of loading and verifying them.
# The archive is only used with the same JVM and the jar at the same path; otherwise Java ignores it.
#   cds-archive.sh JAR ARCHIVE    (ports PORT and PORT+1, admin PORT+100; PORT=12000 by default)
set -euo pipefail
jar=$1 archive=$2 port=${PORT:-12000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/train.json" <<JSON
{"servers": [
  {"name": "A", "host": "127.0.0.1", "port": $port, "neighbours": {"B": "127.0.0.1:$((port + 1))"},
   "places": {"provider": "offline"}, "logFile": "$work/A.log",
   "admin": {"host": "127.0.0.1", "port": $((port + 100))}},
  {"name": "B", "host": "127.0.0.1", "port": $((port + 1)), "neighbours": {"A": "127.0.0.1:$port"},
   "places": {"provider": "offline"}, "logFile": "$work/B.log"}]}
JSON
java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" -conf "$work/train.json" > "$work/out.txt" 2>&1 &
pid=$!
# Ask once the port accepts (bash's /dev/tcp: the runtime image has no nc or curl), for a minute at most.
for _ in $(seq 600); do
  if exec 3<>"/dev/tcp/127.0.0.1/$port"; then break; fi 2>/dev/null
  sleep 0.1
done
# A port taken by another process would have stopped the training member: then there is nothing to train.
kill -0 "$pid" 2>/dev/null || { cat "$work/out.txt" >&2; exit 1; }
printf 'IAMAT cds +34.068930-118.445127 %s\nWHATSAT cds 10 5\n' "$(date +%s.%N)" >&3
timeout 10 head -c 200 <&3 > /dev/null
exec 3>&-
exec 4<>"/dev/tcp/127.0.0.1/$((port + 100))"
printf 'GET /metrics HTTP/1.0\r\n\r\n' >&4
timeout 10 cat <&4 > /dev/null
exec 4>&-
kill -TERM "$pid"
wait "$pid" || { cat "$work/out.txt" >&2; exit 1; }
test -s "$archive" || { echo "no archive written to $archive" >&2; cat "$work/out.txt" >&2; exit 1; }
