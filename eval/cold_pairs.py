#!/usr/bin/env python3
"""Cold start of `./tradetalk ask` against `./tradetalk --version`, in paired runs (issue 15).

Usage: python3 eval/cold_pairs.py N LABEL:CHECKOUT:INDEX [LABEL:CHECKOUT:INDEX ...]

For each of N rounds and each variant (a checkout with its jar built and its AppCDS archive made), runs
`./tradetalk --version`, then `./tradetalk ask --index INDEX "Who did Liu He speak with on the phone?"`, output
discarded, and records the wall time and the CPU time of the child (getrusage). Prints, per variant, the median wall
times and their ratio, the median of the pairs' own ratios, and the same for CPU time. JAVA_HOME is unset so that the
launcher finds its JDK as on a fresh machine; OPT_OUT_TRACKING is set (no call to the cloud metadata address).
"""
import os
import resource
import statistics
import subprocess
import sys
import time

QUESTION = "Who did Liu He speak with on the phone?"


def run(cmd, cwd, env):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    t1 = time.time()
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (t1 - t0) * 1000, ((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)) * 1000


def main():
    n = int(sys.argv[1])
    variants = [a.split(":") for a in sys.argv[2:]]
    env = dict(os.environ)
    env.pop("JAVA_HOME", None)
    env["OPT_OUT_TRACKING"] = "true"
    res = {}
    for _ in range(n):
        for label, checkout, index in variants:
            for kind, cmd in (("version", ["./tradetalk", "--version"]),
                              ("ask", ["./tradetalk", "ask", "--index", index, QUESTION])):
                res.setdefault((label, kind), []).append(run(cmd, checkout, env))
    print("load average", os.getloadavg())
    for label, _, _ in variants:
        v, a = res[(label, "version")], res[(label, "ask")]
        mv, ma = statistics.median(x[0] for x in v), statistics.median(x[0] for x in a)
        cv, ca = statistics.median(x[1] for x in v), statistics.median(x[1] for x in a)
        paired = statistics.median(a[i][0] / v[i][0] for i in range(n))
        print(f"{label}: wall --version {mv:.0f} ms, ask {ma:.0f} ms, ratio {ma / mv:.2f} "
              f"(median of paired ratios {paired:.2f}); CPU --version {cv:.0f} ms, ask {ca:.0f} ms, "
              f"ratio {ca / cv:.2f}")


if __name__ == "__main__":
    main()
