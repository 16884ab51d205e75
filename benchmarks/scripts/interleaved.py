#!/usr/bin/python3
"""Compares whole-process commands on a noisy machine: runs them round-robin (3 warm-up rounds,
then RUNS measured rounds), so that a change in the machine's load hits every command alike,
and prints one markdown row per command: median wall time with its quartiles, median CPU time
(user + sys of the process and its children), median peak RSS, and the wall ratio to the first
command. Every command must exit 0.

Usage: benchmarks/scripts/interleaved.py RUNS 'label=command' ['label=command' ...]
  e.g. benchmarks/scripts/interleaved.py 20 'floor=java -cp /tmp/hello Hello' 'port=bin/localdb port web'
The label must not contain '='; the command is split like a shell would (no pipes or variables).
"""
import os
import shlex
import statistics
import subprocess
import sys
import time


def main(runs, pairs):
    wall = {label: [] for label, _ in pairs}
    cpu = {label: [] for label, _ in pairs}
    rss = {label: [] for label, _ in pairs}
    for round_ in range(runs + 3):
        for label, command in pairs:
            started = time.perf_counter()
            process = subprocess.Popen(shlex.split(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - started
            if os.waitstatus_to_exitcode(status) != 0:
                sys.exit("failed (exit %d): %s" % (os.waitstatus_to_exitcode(status), command))
            if round_ >= 3:
                wall[label].append(elapsed * 1000)
                cpu[label].append((usage.ru_utime + usage.ru_stime) * 1000)
                rss[label].append(usage.ru_maxrss / 1024)
    first = statistics.median(wall[pairs[0][0]])
    print("| command | median wall ms | p25-p75 wall ms | median CPU ms | peak RSS MiB | wall vs first |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, _ in pairs:
        q = statistics.quantiles(wall[label], n=4)
        print("| %s | %.0f | %.0f-%.0f | %.0f | %.0f | %.2f |" % (label, statistics.median(wall[label]), q[0], q[2],
              statistics.median(cpu[label]), statistics.median(rss[label]), statistics.median(wall[label]) / first))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(int(sys.argv[1]), [arg.split("=", 1) for arg in sys.argv[2:]])
