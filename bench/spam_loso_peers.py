#!/usr/bin/env python3
# Summarises bench/spam_loso_peers.sh: per left-out source, Tribune and bogofilter side by side.
# Usage: spam_loso_peers.py DIR SOURCE.jsonl...
#   caught      spam of the left-out source flagged (Tribune: held or worse at the shipped
#               threshold; bogofilter: "Spam", and "Spam" or "Unsure")
#   @0.5% news  spam caught at the threshold where 0.5% of the Globe and Mail comments are flagged
#   own ham     the left-out source's own ham flagged
#   news        Globe and Mail comments flagged
#   AUC         ROC AUC of the left-out spam against the news comments
import json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spam_loso import auc, pct  # noqa: E402

NEWS = "c3_globe_and_mail"


def at_news_fpr(spam, news, fpr=0.005):
    """Share of spam scored above the score that flags `fpr` of the news comments."""
    hs = sorted(news, reverse=True)
    t = hs[int(fpr * len(hs))]
    return sum(s > t for s in spam) / len(spam)


def figures(rows):
    """rows: (is_news, is_spam, flagged, flagged_lenient, score)."""
    spam = [r for r in rows if not r[0] and r[1]]
    ham = [r for r in rows if not r[0] and not r[1]]
    news = [r for r in rows if r[0]]
    share = lambda xs, i: sum(r[i] for r in xs) / len(xs) if xs else None
    return {
        "caught": share(spam, 2), "caught_lenient": share(spam, 3),
        "at05": at_news_fpr([r[4] for r in spam], [r[4] for r in news]),
        "own_ham": share(ham, 2), "news": share(news, 2),
        "auc": auc([r[4] for r in spam], [r[4] for r in news]),
        "spam": len(spam), "ham": len(ham),
    }


def tribune(d, name):
    rows = []
    for line in open(os.path.join(d, f"{name}.tribune.jsonl")):
        r = json.loads(line)
        flagged = r["action"] != "publish"
        rows.append((r["source"] == NEWS, r["label"] == "spam", flagged, flagged, r["score"]))
    return figures(rows)


def bogofilter(d, name):
    w = os.path.join(d, f"{name}.bogofilter")
    sources = [json.loads(l)["source"] for l in open(os.path.join(w, "test.jsonl"))]
    strict = [l.rstrip("\n").split("\t") for l in open(os.path.join(w, "pred", "bogofilter.tsv"))]
    lenient = [l.rstrip("\n").split("\t")
               for l in open(os.path.join(w, "pred", "bogofilter_unsure_spam.tsv"))]
    assert len(strict) == len(sources) == len(lenient), name
    rows = []
    for src, s, u in zip(sources, strict, lenient):
        score = float(s[3]) if s[3] not in ("None", "") else 0.5
        rows.append((src == NEWS, s[1] == "spam", s[2] == "spam", u[2] == "spam", score))
    return figures(rows)


def main():
    d = sys.argv[1]
    names = [os.path.basename(p).replace(".jsonl", "") for p in sys.argv[2:]]
    print("| left out | spam | Tribune caught | bogofilter caught (unsure too) | "
          "Tribune @0.5% news FPR | bogofilter @0.5% news FPR | Tribune AUC | bogofilter AUC | "
          "own ham flagged (Tribune / bogofilter) | news flagged (Tribune / bogofilter) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    mean = {k: [] for k in ("t", "b", "bl", "t05", "b05", "ta", "ba")}
    for n in names:
        t, b = tribune(d, n), bogofilter(d, n)
        own = "–" if not t["ham"] else f"{pct(t['own_ham'], 2)} / {pct(b['own_ham'], 2)}"
        print(f"| {n} | {t['spam']} | {pct(t['caught'])} | {pct(b['caught'])} "
              f"({pct(b['caught_lenient'])}) | {pct(t['at05'])} | {pct(b['at05'])} | "
              f"{pct(t['auc'])} | {pct(b['auc'])} | {own} | "
              f"{pct(t['news'], 2)} / {pct(b['news'], 2)} |")
        for k, v in (("t", t["caught"]), ("b", b["caught"]), ("bl", b["caught_lenient"]),
                     ("t05", t["at05"]), ("b05", b["at05"]), ("ta", t["auc"]),
                     ("ba", b["auc"])):
            mean[k].append(v)
    m = {k: sum(v) / len(v) for k, v in mean.items() if v}
    if m:
        print(f"| **mean** | | **{pct(m['t'])}** | **{pct(m['b'])}** ({pct(m['bl'])}) | "
              f"**{pct(m['t05'])}** | **{pct(m['b05'])}** | {pct(m['ta'])} | {pct(m['ba'])} | | |")


if __name__ == "__main__":
    main()
