#!/usr/bin/env python3
"""Fits the offline composer's abstention model (a logistic regression) and writes abstention.json.

Input: the JSON Lines of `tradetalk eval --per-question FILE` on a set with near misses (null_query), e.g.
rtqa-dev. Each line carries `signals` (EvidenceSignals) and `no_answer` (the label). Only the tune half is used:
lines at even positions (0-based). The threshold is the lowest probability at which, on the tune half, at most
--max-false-abstention of the answerable questions abstain (rules given with --rule included); the check half (odd
positions) is only reported, with contains_gold and cites_evidence as the composer would score them (measure with
eval after rebuilding: the per-question file must come from a run that abstained on nothing, e.g. threshold 0.9999,
for those two to be right).

    python3 eval/fit_abstention.py /tmp/pq.jsonl \
        --out answer/src/main/resources/tradetalk/answer/offline/abstention.json

Standard library only (no numpy): batch gradient descent with L2, on standardised features.
"""
import argparse
import json
import math
import sys

FEATURES = ["coverage", "missing_specific", "missing_rarest", "dense", "sentence", "agree", "type_missing"]


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def sigmoid(z):
    if z < -30:
        return 0.0
    if z > 30:
        return 1.0
    return 1 / (1 + math.exp(-z))


def fit(xs, ys, l2, epochs=3000, rate=0.5):
    n, d = len(xs), len(xs[0])
    w = [0.0] * d
    b = 0.0
    # balance the classes: near misses are a minority
    pos = sum(ys)
    cw = {1: n / (2 * pos), 0: n / (2 * (n - pos))}
    for _ in range(epochs):
        gw = [0.0] * d
        gb = 0.0
        for x, y in zip(xs, ys):
            p = sigmoid(b + sum(wi * xi for wi, xi in zip(w, x)))
            g = (p - y) * cw[y]
            gb += g
            for i in range(d):
                gw[i] += g * x[i]
        b -= rate * gb / n
        for i in range(d):
            w[i] -= rate * (gw[i] / n + l2 * w[i])
    return w, b


def rates(probs, ys, threshold):
    """(abstention on near misses, false abstention); a probability of 2 means a rule abstained."""
    nulls = [p for p, y in zip(probs, ys) if y == 1]
    ans = [p for p, y in zip(probs, ys) if y == 0]
    return (sum(p >= threshold for p in nulls) / max(1, len(nulls)),
            sum(p >= threshold for p in ans) / max(1, len(ans)))


def answers(rows, probs, threshold):
    """contains_gold and cites_evidence over the answerable rows, an abstention counting as neither."""
    checked = [(r, p) for r, p in zip(rows, probs) if not r["no_answer"] and r["contains_gold"] is not None]
    with_ev = [(r, p) for r, p in zip(rows, probs) if not r["no_answer"] and r["cites_evidence"] is not None]
    contains = sum(1 for r, p in checked if p < threshold and not r["abstained"] and r["contains_gold"])
    cites = sum(1 for r, p in with_ev if p < threshold and not r["abstained"] and r["cites_evidence"])
    return round(contains / max(1, len(checked)), 4), round(cites / max(1, len(with_ev)), 4)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("per_question")
    ap.add_argument("--out", required=True)
    ap.add_argument("--features", default=",".join(FEATURES))
    ap.add_argument("--max-false-abstention", type=float, default=0.04)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--rule", action="append", default=[], metavar="SIGNAL:ABOVE",
                    help="abstain whenever SIGNAL is above ABOVE, whatever the probability (repeatable)")
    args = ap.parse_args()
    names = [f for f in args.features.split(",") if f]
    rows = load(args.per_question)
    tune = [r for i, r in enumerate(rows) if i % 2 == 0]
    check = [r for i, r in enumerate(rows) if i % 2 == 1]

    def matrix(rs):
        return [[float(r["signals"][f]) for f in names] for r in rs], [1 if r["no_answer"] else 0 for r in rs]

    raw, ys = matrix(tune)
    means = [sum(c) / len(c) for c in zip(*raw)]
    scales = [math.sqrt(sum((v - m) ** 2 for v in c) / len(c)) or 1.0 for c, m in zip(zip(*raw), means)]

    def std(x):
        return [(v - m) / s for v, m, s in zip(x, means, scales)]

    rules = [(r.split(":")[0], float(r.split(":")[1])) for r in args.rule]

    def ruled(r, p):
        return 2.0 if any(r["signals"][n] > above for n, above in rules) else p

    xs = [std(x) for x in raw]
    w, b = fit(xs, ys, args.l2)
    probs = [ruled(r, sigmoid(b + sum(wi * xi for wi, xi in zip(w, x)))) for r, x in zip(tune, xs)]
    # the lowest threshold that keeps false abstention on the tune half within the bound
    candidates = sorted(set(round(p, 4) for p in probs)) + [0.9999]
    threshold = 0.9999
    for t in candidates:
        if 0 < t < 1 and rates(probs, ys, t)[1] <= args.max_false_abstention:
            threshold = t
            break
    tn, tf = rates(probs, ys, threshold)
    craw, cys = matrix(check)
    cprobs = [ruled(r, sigmoid(b + sum(wi * xi for wi, xi in zip(w, std(x))))) for r, x in zip(check, craw)]
    cn, cf = rates(cprobs, cys, threshold)
    tc, te = answers(tune, probs, threshold)
    cc, ce = answers(check, cprobs, threshold)
    model = {
        "model": "logistic regression: p(evidence does not answer) = sigmoid(bias + sum(weight * (x - mean) / scale))",
        "fitted_with": "python3 eval/fit_abstention.py PER_QUESTION.jsonl --out " + args.out + " --features " + ",".join(names)
                       + " --max-false-abstention " + str(args.max_false_abstention) + " --l2 " + str(args.l2)
                       + "".join(" --rule " + r for r in args.rule),
        "fitted_on": "tune half (even positions) of the per-question file, %d questions, %d near misses"
                     % (len(tune), sum(ys)),
        "features": [{"name": n, "mean": round(m, 6), "scale": round(s, 6), "weight": round(wi, 6)}
                     for n, m, s, wi in zip(names, means, scales, w)],
        "bias": round(b, 6),
        "threshold": threshold,
        "rules": [{"signal": n, "above": above} for n, above in rules],
        "tune": {"abstention_null": round(tn, 4), "false_abstention": round(tf, 4), "contains_gold": tc,
                 "cites_evidence": te},
        "check": {"abstention_null": round(cn, 4), "false_abstention": round(cf, 4), "contains_gold": cc,
                  "cites_evidence": ce},
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(model, f, indent=2)
        f.write("\n")
    print(json.dumps({k: model[k] for k in ("features", "bias", "threshold", "rules", "tune", "check")}, indent=1))


if __name__ == "__main__":
    sys.exit(main())
