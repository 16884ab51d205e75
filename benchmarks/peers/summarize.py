#!/usr/bin/python3
"""localdb against the targets of the side-by-side run (issue 5), from one run's raw JSON.

usage: summarize.py <results dir>   (what run-side-by-side.sh saved; prints markdown)
Every ratio compares figures of the same run. "newtool" is the peer harness's name for localdb.
"""
import json
import os
import statistics
import sys

PEERS = ("get-port", "portfinder", "detect-port", "portpicker")


def load(directory, name):
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def latency_lines(lat):
    ours = lat.get("newtool", {})
    if "median_us" not in ours:
        return ["- in-process latency: no localdb figure (%s)" % ours.get("error", "missing")[-200:].strip()]
    peers = {p: lat[p]["median_us"] for p in PEERS if "median_us" in lat.get(p, {})}
    best = min(peers, key=peers.get)
    scan = lat.get("java17-scan", {}).get("median_us")
    lines = ["- in-process allocation, median: localdb %.0f µs; best peer %s %.0f µs (ratio %.1f)%s."
             % (ours["median_us"], best, peers[best], ours["median_us"] / peers[best],
                "; naive Java scan %.0f µs" % scan if scan is not None else "")]
    if "durable_write_floor_p10_p90_us" in ours:
        lines.append("  Same loop: one durable write of a small file alone (write, fsync, rename, fsync dir) %.0f µs"
                     " (p10–p90 %.0f–%.0f); localdb's release (a second durable write, untimed above) %.0f µs."
                     % (ours["durable_write_floor_median_us"], *ours["durable_write_floor_p10_p90_us"],
                        ours["release_median_us"]))
    return lines


def oneshot_lines(cli):
    ours, gp = cli.get("newtool"), cli.get("get-port")
    if not ours or not gp:
        return ["- one-shot: missing figures"]
    floor = cli.get("JVM 17 floor (Noop)", {}).get("median", float("nan"))
    return ["- one-shot process, median: localdb %.1f ms, get-port %.1f ms: ratio %.2f (target ≤ 1.0); JVM 17 floor %.1f ms."
            % (ours["median"] * 1e3, gp["median"] * 1e3, ours["median"] / gp["median"], floor * 1e3)]


def collide_lines(col, label):
    if not col or "newtool" not in col.get("peers", {}):
        return []
    lines = []
    for k in col["ks"]:
        rounds = [r for r in col["peers"]["newtool"]["rounds"] if r["k"] == k]
        if not rounds:
            continue
        dup = sum(r["dup_extra"] for r in rounds)
        inuse = sum(r["eaddrinuse"] for r in rounds)
        other = sum(r["bind_other_err"] + r["out_of_range"] for r in rounds)
        alloc = statistics.median(r["alloc_wall_ms"] for r in rounds)
        lines.append("- %s, K = %d (%d rounds): duplicates %d, EADDRINUSE %d, other failures %d (target 0, 0, 0);"
                     " barrier → last port, median %.0f ms." % (label, k, len(rounds), dup, inuse, other, alloc))
    return lines


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    d = sys.argv[1]
    out = ["### localdb against the targets (same run)", ""]
    lat, cli = load(d, "latency.json"), load(d, "cli.json")
    if lat:
        out += latency_lines(lat)
    if cli:
        out += oneshot_lines(cli)
    out += collide_lines(load(d, "collide.json"), "collisions, cold children (like fresh `localdb port` processes)")
    out += collide_lines(load(os.path.join(d, "warm-children"), "collide.json"), "collisions, warmed-up children")
    print("\n".join(out))


if __name__ == "__main__":
    main()
