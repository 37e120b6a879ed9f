"""scale.sh's figures. In a size's folder: `scale_record.py N SHAPE RATE LOG_TRAFFIC` prints its record as one JSON
line. `scale_record.py --summary RESULTS.jsonl OUT` writes OUT/scale.json and OUT/scale.csv and prints
the summary table, medians over the rounds."""
import csv
import json
import os
import re
import statistics
import sys


def load(path, default=None):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


def median(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 3) if values else None


def record(n, shape, rate, log_traffic):
    generated = open("generated.out").read()
    topology = re.search(r"(\d+) links, (\d+) to (\d+) neighbours each, diameter (\d+)", generated)
    rounds = []
    r = 1
    while os.path.exists(f"bench-{r}.json") or os.path.exists(f"load-{r}"):
        bench = load(f"bench-{r}.json", {})
        peer = bench.get("peerPerUpdate") or {}
        rounds.append({
            "loadAverage": float(open(f"load-{r}").read()),
            "sustainedPerSecond": bench.get("sustainedPerSecond"),
            "replyP99Ms": (bench.get("replyLatencyMs") or {}).get("p99"),
            "propagationAllMs": bench.get("propagationAllMs"),
            "propagationFarthestMs": bench.get("propagationWorstMs"),
            "peerPerUpdate": peer,
            "cpuMicrosPerUpdate": bench.get("cpuMicrosPerUpdate"),
        })
        r += 1
    probe = load("probe-status.json", {})
    heap = int(open("heap-mb").read())
    out = {
        "members": n, "shape": shape, "rate": rate, "logTraffic": log_traffic,
        "processes": int(open("processes").read()) if os.path.exists("processes") else None,
        "links": int(topology.group(1)), "degree": [int(topology.group(2)), int(topology.group(3))],
        "diameter": int(topology.group(4)),
        "rounds": rounds,
        "clients": probe.get("clients"),
        "heapMb": heap, "heapPerMemberMb": round(heap / n, 1),
        "restart": dict(load("restart.json", {}), loadAverage=float(open("load-restart").read())),
    }
    if os.path.exists("cut.json"):
        cut = load("cut.json", {})
        restored = int(open("restored-at").read())
        out["cut"] = dict(cut, cutLinks=load("cut-links.json", {}), loadAverage=float(open("load-cut").read()),
                          agreedAfterRestoreMs=cut["agreedAt"] - restored if "agreedAt" in cut else None)
    return out


def pick(rounds, *path):
    values = []
    for r in rounds:
        for key in path:
            r = (r or {}).get(key)
        values.append(r)
    return median(values)


def summary(results, out):
    records = [json.loads(line) for line in open(results) if line.strip()]
    rows = []
    for rec in records:
        rs = rec["rounds"]
        rows.append({
            "members": rec["members"], "shape": rec["shape"], "links": rec["links"], "diameter": rec["diameter"],
            "rate": rec["rate"], "log_traffic": rec.get("logTraffic"), "rounds": len(rs), "load_average": pick(rs, "loadAverage"),
            "propagation_p50_ms": pick(rs, "propagationAllMs", "p50"),
            "propagation_p99_ms": pick(rs, "propagationAllMs", "p99"),
            "farthest_p50_ms": pick(rs, "propagationFarthestMs", "p50"),
            "farthest_p99_ms": pick(rs, "propagationFarthestMs", "p99"),
            "reply_p99_ms": pick(rs, "replyP99Ms"),
            "lines_in_per_update": pick(rs, "peerPerUpdate", "linesIn", "mean"),
            "repeats_in_per_update": pick(rs, "peerPerUpdate", "repeatsIn", "mean"),
            "bytes_in_per_update": pick(rs, "peerPerUpdate", "bytesIn", "mean"),
            "lines_out_per_update": pick(rs, "peerPerUpdate", "linesOut", "mean"),
            "bytes_out_per_update": pick(rs, "peerPerUpdate", "bytesOut", "mean"),
            "cpu_us_per_update": pick(rs, "cpuMicrosPerUpdate"),
            "clients": rec["clients"], "heap_mb": rec["heapMb"], "heap_per_member_mb": rec["heapPerMemberMb"],
            "restart_all_clients_ms": rec["restart"].get("clientsAfterLinksUpMs"),
            "restart_equal_ms": rec["restart"].get("agreedAfterLinksUpMs"),
            "restart_bytes_in": (rec["restart"].get("peerTraffic") or {}).get("bytesIn"),
            "cut_links": len((rec.get("cut") or {}).get("cutLinks", {}).get("links", [])) if "cut" in rec else None,
            "cut_agreed_after_links_up_ms": (rec.get("cut") or {}).get("agreedAfterLinksUpMs"),
            "cut_agreed_after_restore_ms": (rec.get("cut") or {}).get("agreedAfterRestoreMs"),
        })
    with open(os.path.join(out, "scale.json"), "w") as f:
        json.dump({"summary": rows, "runs": records}, f, indent=2)
    with open(os.path.join(out, "scale.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)
    cores = os.cpu_count()
    logged = {r["log_traffic"] for r in rows}
    print(f"\nscale: medians of each size's rounds; {cores} cores; every line logged: {', '.join(map(str, logged))}; propagation in ms from the origin's receipt;"
          " 'all' = every member's figures merged, 'farthest' = the member with the worst p99;"
          " peer figures per update, at one member (mean over members)")
    head = ("members shape    links diam  load | prop p50  p99 | farthest p50  p99 | reply p99 | lines in (repeats)"
            "  bytes in  bytes out | CPU us/upd | heap MB/member (clients) | restart: all clients, equal (ms)")
    print(head)
    for r in rows:
        print(f"{r['members']:>7} {r['shape']:<8} {r['links']:>5} {r['diameter']:>4} {r['load_average']:>5} |"
              f" {r['propagation_p50_ms']:>8} {r['propagation_p99_ms']:>5} | {r['farthest_p50_ms']:>12}"
              f" {r['farthest_p99_ms']:>5} | {r['reply_p99_ms']:>9} | {r['lines_in_per_update']:>8}"
              f" ({r['repeats_in_per_update']}) {r['bytes_in_per_update']:>9} {r['bytes_out_per_update']:>10} |"
              f" {r['cpu_us_per_update']:>10} | {r['heap_per_member_mb']:>6} ({r['clients']}) |"
              f" {r['restart_all_clients_ms']}, {r['restart_equal_ms']}")
        if r["cut_links"] is not None:
            print(f"        {r['members']} members, regions: {r['cut_links']} links between one region and the others"
                  f" cut under load, restored: tables equal {r['cut_agreed_after_links_up_ms']} ms after the last"
                  f" link came up ({r['cut_agreed_after_restore_ms']} ms after the restoring edit)")
    for r in rows:
        if r["members"] == 50 and r["shape"] != "regions":
            p99, restart = r["farthest_p99_ms"], r["restart_all_clients_ms"]
            print(f"targets, 50 members at {r['rate']}/s: propagation p99 to every member {p99} ms (<= 50:"
                  f" {'met' if p99 is not None and p99 <= 50 else 'not met'}); restarted empty, all"
                  f" {r['clients']} clients {restart} ms after its links came up (<= 2000:"
                  f" {'met' if restart is not None and restart <= 2000 else 'not met'})")


if __name__ == "__main__":
    if sys.argv[1] == "--summary":
        summary(sys.argv[2], sys.argv[3])
    else:
        print(json.dumps(record(int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), sys.argv[4] == "true")))
