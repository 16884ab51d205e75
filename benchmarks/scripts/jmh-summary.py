#!/usr/bin/python3
"""Prints a JMH JSON result (java -jar benchmarks.jar -rf json -rff FILE) as a markdown table in ms.

Usage: benchmarks/scripts/jmh-summary.py benchmarks/target/jmh-result.json
Median = JMH's p0.50 over every sample of the measurement iterations (SampleTime), or over the
single-shot iterations (SingleShotTime); spread = p0.90 and min-max of the same samples.
"""
import json
import sys

TO_MS = {"ns/op": 1e-6, "us/op": 1e-3, "ms/op": 1.0, "s/op": 1e3}


def samples(metric):
    histogram = metric.get("rawDataHistogram")
    if histogram:
        return sum(count for fork in histogram for iteration in fork for _, count in iteration)
    return sum(len(fork) for fork in metric.get("rawData", []))


def main(path):
    print("| benchmark | params | mode | samples | median ms | p90 ms | min-max ms |")
    print("|---|---|---|---:|---:|---:|---:|")
    for result in json.load(open(path)):
        metric = result["primaryMetric"]
        scale = TO_MS[metric["scoreUnit"]]
        pct = {float(k): v * scale for k, v in metric["scorePercentiles"].items()}
        name = result["benchmark"].rsplit(".", 2)
        params = ", ".join("%s=%s" % kv for kv in (result.get("params") or {}).items()) or "-"
        print("| %s.%s | %s | %s | %d | %.3f | %.3f | %.3f-%.3f |" % (
            name[-2], name[-1], params, result["mode"], samples(metric),
            pct[50.0], pct[90.0], pct[0.0], pct[100.0]))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: jmh-summary.py <jmh-result.json>")
    main(sys.argv[1])
