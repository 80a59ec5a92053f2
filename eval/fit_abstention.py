#!/usr/bin/env python3
"""Fits the offline composer's abstention model (a logistic regression) and writes abstention.json.

Input: the JSON Lines of `tradetalk eval --per-question FILE` on a set with near misses (null_query), e.g.
rtqa-dev. Each line carries `signals` (EvidenceSignals) and `no_answer` (the label). Only the tune half is used,
split as `eval --half` splits: by the week of `as_of` when every line is dated (weeks from Monday, counted from
1970; even weeks tune, odd weeks check), else by position (even tune, odd check, 0-based). The threshold is the
lowest probability at which, on the tune half, at most --max-false-abstention of the answerable questions abstain
(rules given with --rule included); the check half is only reported, with contains_gold and cites_evidence as the
composer would score them (measure with eval after rebuilding: those two are right only for lines that did not
abstain in the run that wrote the file).

With --as-of-features a second regression is fitted on the dated lines of the tune half: those whose `dated` signal
is 1, questions about the present of a current index, which the composer judges with it (AbstentionModel); the
top-level regression judges the others. With --base FILE the top-level regression and its rules are taken from that
abstention.json as they are and only the dated one is fitted.

    python3 eval/fit_abstention.py /tmp/pq.jsonl \
        --out answer/src/main/resources/tradetalk/answer/offline/abstention.json

Standard library only (no numpy): batch gradient descent with L2, on standardised features.
"""
import argparse
import json
import math
import sys
from datetime import date, timedelta

FEATURES = ["coverage", "missing_specific", "missing_rarest", "dense", "sentence", "agree", "type_missing"]


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def week(day):
    """The week of an ISO date, counted from the week of 1970-01-01, weeks starting on Monday (as EvalCommand)."""
    d = date.fromisoformat(day)
    return ((d - timedelta(days=d.weekday())) - date(1970, 1, 1)).days // 7


def halves(rows):
    if rows and all(r.get("as_of") for r in rows):
        return ([r for r in rows if week(r["as_of"]) % 2 == 0], [r for r in rows if week(r["as_of"]) % 2 == 1])
    return [r for i, r in enumerate(rows) if i % 2 == 0], [r for i, r in enumerate(rows) if i % 2 == 1]


def is_dated(r):
    """Whether the composer judges this line with the dated regression: its `dated` signal (AbstentionModel)."""
    return r["signals"].get("dated", 0) > 0


def auc(xs, ys):
    """Area under the ROC curve of xs for telling ys == 1 from ys == 0 (ties count half)."""
    ranked = sorted(zip(xs, ys))
    pos = sum(ys)
    neg = len(ys) - pos
    if pos == 0 or neg == 0:
        return 0.5
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid = (i + j + 1) / 2  # average 1-based rank of the tie group
        rank_sum += mid * sum(y for _, y in ranked[i:j])
        i = j
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


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


def regression(names, tune, l2, max_false, ruled):
    """Fits on the tune rows; returns the model's JSON and its decision (abstain or not) for a row."""
    raw = [[float(r["signals"][f]) for f in names] for r in tune]
    ys = [1 if r["no_answer"] else 0 for r in tune]
    means = [sum(c) / len(c) for c in zip(*raw)]
    scales = [math.sqrt(sum((v - m) ** 2 for v in c) / len(c)) or 1.0 for c, m in zip(zip(*raw), means)]

    def prob(r):
        x = [(float(r["signals"][f]) - m) / s for f, m, s in zip(names, means, scales)]
        return sigmoid(b + sum(wi * xi for wi, xi in zip(w, x)))

    w, b = fit([[(v - m) / s for v, m, s in zip(x, means, scales)] for x in raw], ys, l2)
    probs = [prob(r) for r in tune]
    # the lowest threshold that keeps false abstention on the tune rows within the bound (rules included)
    threshold = 0.9999
    answerable = [(r, p) for r, p in zip(tune, probs) if not r["no_answer"]]
    for t in sorted(set(round(p, 4) for p in probs)):
        if 0 < t < 1:
            false = sum(1 for r, p in answerable if r["abstained"] or ruled(r) or p >= t)
            if false <= max_false * len(answerable):
                threshold = t
                break
    model = {
        "features": [{"name": n, "mean": round(m, 6), "scale": round(s, 6), "weight": round(wi, 6)}
                     for n, m, s, wi in zip(names, means, scales, w)],
        "bias": round(b, 6),
        "threshold": threshold,
    }
    return model, lambda r: prob(r) >= threshold


def stored(model):
    """The decision of a regression as stored in abstention.json (rules not included)."""
    def prob(r):
        return sigmoid(model["bias"] + sum(
            f["weight"] * (float(r["signals"][f["name"]]) - f["mean"]) / f["scale"] for f in model["features"]))
    return lambda r: prob(r) >= model["threshold"]


def rates(rows, model_abstains):
    """Abstention on near misses, false abstention, and contains_gold and cites_evidence over the answerable rows,
    an abstention counting as neither. A row abstains when the model does or it abstained in the run that wrote
    the file (no sentence to quote, or that run's model): from a run whose model abstains on nothing (threshold
    0.9999, no rules) these are the figures eval reports with the new model, since the signals and the answers do
    not depend on the model."""

    def abstains(r):
        return r["abstained"] or model_abstains(r)

    nulls = [r for r in rows if r["no_answer"]]
    ans = [r for r in rows if not r["no_answer"]]
    checked = [r for r in ans if r["contains_gold"] is not None]
    with_ev = [r for r in ans if r["cites_evidence"] is not None]

    def kept(r, key):
        return not abstains(r) and r[key]

    return {
        "abstention_null": round(sum(map(abstains, nulls)) / max(1, len(nulls)), 4),
        "false_abstention": round(sum(map(abstains, ans)) / max(1, len(ans)), 4),
        "contains_gold": round(sum(kept(r, "contains_gold") for r in checked) / max(1, len(checked)), 4),
        "cites_evidence": round(sum(kept(r, "cites_evidence") for r in with_ev) / max(1, len(with_ev)), 4),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("per_question")
    ap.add_argument("--out", required=True)
    ap.add_argument("--features", default=",".join(FEATURES))
    ap.add_argument("--as-of-features", default="",
                    help="features of a second regression for questions asked as of a date (none: one regression)")
    ap.add_argument("--max-false-abstention", type=float, default=0.04)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--rule", action="append", default=[], metavar="SIGNAL:ABOVE",
                    help="abstain whenever SIGNAL is above ABOVE, whatever the probability (repeatable); "
                         "for the undated regression")
    ap.add_argument("--as-of-rule", action="append", default=[], metavar="SIGNAL:ABOVE",
                    help="the same for the regression of dated questions")
    ap.add_argument("--base", metavar="ABSTENTION_JSON",
                    help="keep this file's top-level regression and rules as they are; fit only the dated one")
    args = ap.parse_args()
    names = [f for f in args.features.split(",") if f]
    dated_names = [f for f in args.as_of_features.split(",") if f]
    rows = load(args.per_question)
    tune, check = halves(rows)
    def parse_rules(given):
        return [(r.split(":")[0], float(r.split(":")[1])) for r in given]

    def ruling(rules):
        return lambda r: any(r["signals"][n] > above for n, above in rules)

    rules, dated_rules = parse_rules(args.rule), parse_rules(args.as_of_rule)

    ys = [1 if r["no_answer"] else 0 for r in tune]
    aucs = {}
    for n in sorted(tune[0]["signals"]):
        a = auc([float(r["signals"][n]) for r in tune], ys)
        aucs[n] = {"auc": round(max(a, 1 - a), 3), "higher_means": "near miss" if a >= 0.5 else "answerable"}
    if args.base:
        with open(args.base, encoding="utf-8") as f:
            base = json.load(f)
        model = {k: base[k] for k in ("features", "bias", "threshold", "rules")}
        names = [f["name"] for f in model["features"]]
        rules = [(r["signal"], r["above"]) for r in model["rules"]]
        undated = stored(model)
    else:
        model, undated = regression(names, tune, args.l2, args.max_false_abstention, ruling(rules))
        model["rules"] = [{"signal": n, "above": above} for n, above in rules]
    dated = None
    if dated_names:
        dated_tune = [r for r in tune if is_dated(r)]
        dated_model, dated = regression(
            dated_names, dated_tune, args.l2, args.max_false_abstention, ruling(dated_rules))
        dated_model["rules"] = [{"signal": n, "above": above} for n, above in dated_rules]
        model["as_of"] = dated_model

    def abstains(r):
        # a dated question has its own regression and rules, when one was fitted
        if dated is not None and is_dated(r):
            return ruling(dated_rules)(r) or dated(r)
        return ruling(rules)(r) or undated(r)

    split = "weeks" if rows and all(r.get("as_of") for r in rows) else "positions"
    out = {
        "model": "logistic regression: p(evidence does not answer) = sigmoid(bias + sum(weight * (x - mean) / scale))",
        "fitted_with": "python3 eval/fit_abstention.py PER_QUESTION.jsonl --out " + args.out
                       + (" --base " + args.base if args.base else " --features " + ",".join(names))
                       + ("" if not dated_names else " --as-of-features " + ",".join(dated_names))
                       + " --max-false-abstention " + str(args.max_false_abstention) + " --l2 " + str(args.l2)
                       + ("" if args.base else "".join(" --rule " + r for r in args.rule))
                       + "".join(" --as-of-rule " + r for r in args.as_of_rule),
        "fitted_on": "tune half (even %s) of the per-question file, %d questions, %d near misses"
                     % (split, len(tune), sum(ys)),
        **model,
        **({"undated_fitted_with": base.get("fitted_with"), "undated_fitted_on": base.get("fitted_on")}
           if args.base else {}),
        "tune": rates(tune, abstains),
        "check": rates(check, abstains),
        "tune_auc": aucs,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2)
        f.write("\n")
    print(json.dumps({k: out[k] for k in out if k not in ("model", "fitted_with", "tune_auc")}, indent=1))


if __name__ == "__main__":
    sys.exit(main())
