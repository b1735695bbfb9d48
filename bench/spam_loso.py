#!/usr/bin/env python3
# Summarises bench/spam_loso.sh: one row per left-out source, as a Markdown table.
# Usage: spam_loso.py DIR [--hold-at T]
#   caught      spam of the left-out source not published at the shipped threshold
#   @0.5% news  spam caught at the threshold where 0.5% of the Globe and Mail comments are held
#   own ham     the left-out source's own ham held or worse at the shipped threshold
#   news held   Globe and Mail comments held or worse by the same model
#   AUC         ROC AUC of the left-out spam against news ham, and against its own ham
import glob, json, os, sys

NEWS, NAVER, SEED = "c3_globe_and_mail", "kocohub_naver", "seed_guardian_ge"


def auc(pos, neg):
    """Mann-Whitney estimate of P(score(spam) > score(ham)), ties counted half."""
    if not pos or not neg:
        return None
    allv = sorted([(s, 1) for s in pos] + [(s, 0) for s in neg])
    rank_sum, i = 0.0, 0
    while i < len(allv):
        j = i
        while j < len(allv) and allv[j][0] == allv[i][0]:
            j += 1
        avg = (i + j + 1) / 2  # ranks are 1-based
        rank_sum += avg * sum(1 for k in range(i, j) if allv[k][1])
        i = j
    return (rank_sum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def pct(x, digits=1):
    return "–" if x is None else f"{100 * x:.{digits}f}%"


def row(path):
    rows = [json.loads(l) for l in open(path)]
    flagged = lambda r: r["action"] != "publish"
    news = [r for r in rows if r["source"] == NEWS]
    naver = [r for r in rows if r["source"] == NAVER]
    seed = [r for r in rows if r["source"] == SEED]
    own = [r for r in rows if r["source"] not in (NEWS, NAVER, SEED)]
    spam = [r for r in own if r["label"] == "spam"]
    ham = [r for r in own if r["label"] == "ham"]
    hs = sorted((r["score"] for r in news), reverse=True)
    t05 = hs[int(0.005 * len(hs))]
    share = lambda xs, f: (sum(map(f, xs)) / len(xs)) if xs else None
    return {
        "source": os.path.basename(path).replace(".dump.jsonl", ""),
        "spam": len(spam), "ham": len(ham),
        "caught": share(spam, flagged),
        "at05": share(spam, lambda r: r["score"] > t05),
        "own_ham": share(ham, flagged),
        "news": share(news, flagged), "naver": share(naver, flagged),
        "auc_news": auc([r["score"] for r in spam], [r["score"] for r in news]),
        "auc_own": auc([r["score"] for r in spam], [r["score"] for r in ham]),
        "seed": f"{sum(map(flagged, seed))}/{len(seed)}",
    }


def main():
    d = sys.argv[1]
    rows = [row(p) for p in sorted(glob.glob(f"{d}/*.dump.jsonl"))]
    never = f"{d}/all.never.jsonl"
    print("| left out | spam | ham | caught | caught @0.5% news FPR | own ham held | "
          "news held (C3) | ROC AUC vs news | ROC AUC vs own ham | seed not published |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in sorted(rows, key=lambda r: (r["spam"] == 0, r["source"])):
        print(f"| {r['source']} | {r['spam']} | {r['ham']} | {pct(r['caught'])} | {pct(r['at05'])} | "
              f"{pct(r['own_ham'], 2)} | {pct(r['news'], 2)} | {pct(r['auc_news'])} | "
              f"{pct(r['auc_own'])} | {r['seed']} |")
    with_spam = [r for r in rows if r["spam"]]
    if os.path.exists(never):
        never_trained(never)
    if with_spam:
        mean = lambda k: sum(r[k] for r in with_spam if r[k] is not None) / len(with_spam)
        print(f"\nmean over {len(with_spam)} left-out spam sources: caught {pct(mean('caught'))}, "
              f"@0.5% news FPR {pct(mean('at05'))}, ROC AUC vs news {pct(mean('auc_news'))}")


def never_trained(path):
    """The sets no model trains on, scored by the model trained on every source."""
    rows = [json.loads(l) for l in open(path)]
    flagged = lambda r: r["action"] != "publish"
    news = [r["score"] for r in rows if r["source"] == NEWS]
    hs = sorted(news, reverse=True)
    t05 = hs[int(0.005 * len(hs))]
    print("\n| never trained on (model of all sources) | spam | ham | caught | caught @0.5% news FPR | "
          "ham held | ROC AUC vs news |")
    print("|---|---|---|---|---|---|---|")
    for src in sorted({r["source"] for r in rows}):
        own = [r for r in rows if r["source"] == src]
        spam = [r for r in own if r["label"] == "spam"]
        ham = [r for r in own if r["label"] == "ham"]
        share = lambda xs, f: (sum(map(f, xs)) / len(xs)) if xs else None
        print(f"| {src} | {len(spam)} | {len(ham)} | {pct(share(spam, flagged))} | "
              f"{pct(share(spam, lambda r: r['score'] > t05))} | {pct(share(ham, flagged), 2)} | "
              f"{pct(auc([r['score'] for r in spam], news))} |")


if __name__ == "__main__":
    main()
