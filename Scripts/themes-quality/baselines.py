#!/usr/bin/env python3
"""Theme quality of Earshot against scikit-learn baselines, on the airline complaints (THEMES-ANCHORS.md 1.6, 4b).

The evaluation set: rows of airline_tweets.csv with airline_sentiment == "negative" and a negativereason other
than "" and "Can't Tell", deduplicated on tweet_id (the first row kept): 7,914 records, 9 reasons.

Systems: TF-IDF + NMF (k = 9), counts + LDA (k = 9), optionally NMF with k = --k-extra, and Earshot from
`earshot export themes --format csv` (rank 1 = the record's primary theme; a record absent from it is unthemed and
falls in the cluster "(none)", which is never mapped to a reason). Metrics: see metrics.py.

    python3 Scripts/themes-quality/baselines.py --data ../shared/data/feedback/airline_tweets.csv \\
        [--earshot-export WS/themes.csv] [--earshot-themes WS/themes.json] [--earshot-seconds S] \\
        [--k-extra N] [--json out.json]
"""
from __future__ import annotations

import os

# One BLAS thread: identical numbers on every run and machine, and polite on a 2-core box. Set before numpy loads.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import metrics  # noqa: E402

EXCLUDED_REASONS = {"", "Can't Tell"}

# Words that "name" each reason, written before looking at any system's output (section 4b, item 10).
REASON_TERMS = {
    "Late Flight": ["late", "delay", "delayed", "hours", "wait"],
    "Cancelled Flight": ["cancel", "cancelled", "canceled", "cancellation"],
    "Lost Luggage": ["lost", "bag", "bags", "luggage", "baggage"],
    "Damaged Luggage": ["damaged", "broken", "bag", "luggage"],
    "Customer Service Issue": ["customer service", "service", "hold", "phone", "call", "rude", "agent"],
    "Flight Booking Problems": ["booking", "book", "reservation", "website", "change"],
    "Bad Flight": ["seat", "wifi", "entertainment", "food", "plane"],
    "Flight Attendant Complaints": ["attendant", "crew", "flight attendant", "staff", "rude"],
    "longlines": ["line", "lines", "long line", "queue", "counter", "wait"],
}


# --- data ---------------------------------------------------------------------------------------------------------

def is_complaint(row: dict) -> bool:
    return row.get("airline_sentiment") == "negative" and (row.get("negativereason") or "") not in EXCLUDED_REASONS


def load_complaints(path: str) -> list[dict]:
    """The complaint rows in file order, deduplicated on tweet_id (first kept)."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    seen, out = set(), []
    for row in rows:
        if not is_complaint(row) or row["tweet_id"] in seen:
            continue
        seen.add(row["tweet_id"])
        out.append(row)
    return out


def _unneutralize(cell: str) -> str:
    """Undo the export's `'` before cells a spreadsheet would read as formulas."""
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r" else cell


def load_earshot_export(path: str) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """(tweet_id -> primary theme_id, theme_id -> label, all theme ids) from `earshot export themes --format csv`.

    The primary theme is the row with the lowest rank (rank 1); ties go to the theme id that sorts first.
    """
    primary: dict[str, tuple[int, str]] = {}
    labels: dict[str, str] = {}
    theme_ids: set[str] = set()
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        need = {"source_id", "theme_id", "rank"}
        if not need <= set(reader.fieldnames or []):
            raise SystemExit(f"{path}: expected columns {sorted(need)}, found {reader.fieldnames}")
        for row in reader:
            source_id = _unneutralize(row["source_id"])
            theme = _unneutralize(row["theme_id"])
            rank = int(row["rank"]) if row["rank"].strip() else 1
            theme_ids.add(theme)
            labels.setdefault(theme, _unneutralize(row.get("theme_label") or ""))
            key = (rank, theme)
            if source_id not in primary or key < primary[source_id]:
                primary[source_id] = key
    return {k: v[1] for k, v in primary.items()}, labels, theme_ids


def load_earshot_themes(path: str) -> dict[str, dict] | None:
    """theme id -> {"label", "keywords"} from a JSON list of {id, label, keywords}; None if absent or unreadable."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as error:
        print(f"note: skipping the per-reason table: cannot read {path} ({error.__class__.__name__})", file=sys.stderr)
        return None
    if isinstance(data, dict):
        data = data.get("themes", [])
    if not isinstance(data, list):
        print(f"note: skipping the per-reason table: {path} is not a JSON list of themes", file=sys.stderr)
        return None
    out = {}
    for theme in data:
        if isinstance(theme, dict) and "id" in theme:
            out[str(theme["id"])] = {"label": str(theme.get("label", "")),
                                     "keywords": [str(k) for k in theme.get("keywords", [])]}
    return out


# --- baselines ----------------------------------------------------------------------------------------------------

def run_nmf(texts: list[str], k: int) -> tuple[list[int], list[list[str]], int]:
    """TF-IDF (English stop words, min_df=2) + NMF; a record's cluster is the argmax of its W row."""
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(stop_words="english", min_df=2)
    x = vectorizer.fit_transform(texts)
    model = NMF(n_components=k, random_state=0, init="nndsvda", max_iter=400)
    w = model.fit_transform(x)
    return _argmax_and_words(w, model.components_, vectorizer)


def run_lda(texts: list[str], k: int) -> tuple[list[int], list[list[str]], int]:
    """Counts (English stop words, min_df=2) + LDA (batch variational Bayes); argmax of the document-topic rows."""
    from sklearn.decomposition import LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer

    vectorizer = CountVectorizer(stop_words="english", min_df=2)
    x = vectorizer.fit_transform(texts)
    model = LatentDirichletAllocation(n_components=k, random_state=0, learning_method="batch")
    w = model.fit_transform(x)
    return _argmax_and_words(w, model.components_, vectorizer)


def _argmax_and_words(w, components, vectorizer, top: int = 10):
    import numpy as np

    clusters = [int(c) for c in np.argmax(w, axis=1)]
    zero_rows = int((w.sum(axis=1) == 0).sum())  # records with no vocabulary term: argmax puts them in topic 0
    vocabulary = vectorizer.get_feature_names_out()
    words = [[str(vocabulary[i]) for i in np.argsort(-row, kind="stable")[:top]] for row in components]
    return clusters, words, zero_rows


# --- naming test --------------------------------------------------------------------------------------------------

def _stem(word: str) -> str:
    """A crude suffix strip: enough to meet delays/delayed/delay, booking/book, lines/line."""
    for suffix in ("ing", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def _word_matches(word: str, term: str) -> bool:
    """A theme word meets a reason word: same crude stem, the theme word extends the term (delayed ← delay), or the
    theme word is a stem of five letters or more of the term (luggag, attend, reserv, servic); a leading re- is
    dropped (rebooking)."""
    if _stem(word) == _stem(term) or word.startswith(term) or (len(word) >= 5 and term.startswith(word)):
        return True
    return word.startswith("re") and len(word) >= 6 and _word_matches(word[2:], term)  # rebooking, rebooked


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def naming_hits(label: str, keywords: list[str], reason: str) -> dict:
    """Which reason terms the label and the top-5 keywords contain (whole words, crude stems, phrases in order)."""
    def hits(piece: str) -> list[str]:
        words = _words(piece)
        found = []
        for term in REASON_TERMS.get(reason, []):
            t = _words(term)
            if len(t) > 1 and any("".join(t) in w for w in words):  # longlines, customerservice
                found.append(term)
                continue
            for i in range(len(words) - len(t) + 1):
                if all(_word_matches(words[i + j], t[j]) for j in range(len(t))):
                    found.append(term)
                    break
        return found

    label_hits = hits(label)
    keyword_hits = sorted({h for k in keywords[:5] for h in hits(k)}, key=REASON_TERMS.get(reason, []).index)
    return {"label": label_hits, "keywords": keyword_hits, "named": bool(label_hits or keyword_hits)}


# --- output -------------------------------------------------------------------------------------------------------

def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def print_summary(results: list[dict], n_records: int, n_reasons: int) -> None:
    print(f"Airline complaints: {n_records} records, {n_reasons} reasons "
          "(unthemed records are one cluster, never mapped to a reason)\n")
    print("| system | k | NMI | AMI | ARI | mapped macro-F1 | coverage | seconds |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        seconds = "—" if r["seconds"] is None else f"{r['seconds']:.1f}"
        print(f"| {_cell(r['system'])} | {r['k']} | {r['nmi']:.3f} | {r['ami']:.3f} | {r['ari']:.3f} | "
              f"{r['mapped_macro_f1']:.3f} | {r['coverage']:.1%} | {seconds} |")
    print()


def print_per_reason(rows: list[dict]) -> None:
    named = sum(1 for r in rows if r["named"])
    print(f"Earshot, per reason: the theme with the best F1 for it ({named} of {len(rows)} reasons named by the "
          "label or top-5 keywords)\n")
    print("| reason | best theme | top-5 keywords | precision | recall | F1 | named |")
    print("|---|---|---|---:|---:|---:|---|")
    for r in rows:
        if r["theme_id"] is None:
            print(f"| {_cell(r['reason'])} | (no theme) | | 0.000 | 0.000 | 0.000 | no |")
            continue
        where = []
        if r["hits"]["label"]:
            where.append("label: " + ", ".join(r["hits"]["label"]))
        if r["hits"]["keywords"]:
            where.append("keywords: " + ", ".join(r["hits"]["keywords"]))
        named = "yes (" + "; ".join(where) + ")" if where else "no"
        print(f"| {_cell(r['reason'])} | {_cell(r['label'])} ({r['theme_id']}) | {_cell(', '.join(r['keywords'][:5]))} | "
              f"{r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {named} |")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="airline_tweets.csv (or the complaints written from it)")
    parser.add_argument("--earshot-export", help="CSV of `earshot export themes --format csv`")
    parser.add_argument("--earshot-themes", help="JSON list of {id, label, keywords} (skipped if missing)")
    parser.add_argument("--earshot-seconds", type=float, help="wall time of the themes stage, for the table")
    parser.add_argument("--k-extra", type=int, help="also run NMF with this k (e.g. Earshot's number of themes)")
    parser.add_argument("--json", help="write every number here")
    args = parser.parse_args(argv)

    complaints = load_complaints(args.data)
    if not complaints:
        raise SystemExit(f"{args.data}: no complaint rows")
    ids = [r["tweet_id"] for r in complaints]
    gold = [r["negativereason"] for r in complaints]
    texts = [r["text"] for r in complaints]
    reasons = sorted(set(gold))

    results = []

    def add(system: str, predicted, seconds, extra=None):
        result = {"system": system, "seconds": seconds, **metrics.evaluate(predicted, gold), **(extra or {})}
        results.append(result)
        return result

    runs = [("TF-IDF + NMF", run_nmf, len(reasons)), ("counts + LDA", run_lda, len(reasons))]
    if args.k_extra and args.k_extra > 0 and args.k_extra != len(reasons):  # k = 9 is already the first run
        runs.append(("TF-IDF + NMF", run_nmf, args.k_extra))
    for name, fn, k in runs:
        start = time.perf_counter()
        clusters, words, zero_rows = fn(texts, k)
        seconds = time.perf_counter() - start
        add(f"{name}, k={k}", clusters, seconds,
            {"requested_k": k, "records_without_terms": zero_rows, "top_words": words})

    per_reason = None
    if args.earshot_export:
        primary, labels, theme_ids = load_earshot_export(args.earshot_export)
        predicted = [primary.get(i) for i in ids]
        matched = sum(1 for p in predicted if p is not None)
        earshot = add("Earshot", predicted, args.earshot_seconds,
                      {"themes_in_export": len(theme_ids), "export_records": len(primary),
                       "export_records_in_eval_set": matched})
        if args.earshot_themes:
            themes = load_earshot_themes(args.earshot_themes)
            if themes is not None:
                per_reason = []
                for reason in reasons:
                    best = earshot["best_cluster_per_label"][reason]
                    theme_id = best["cluster"]
                    theme = themes.get(theme_id, {}) if theme_id else {}
                    label = (theme.get("label") or labels.get(theme_id, "")) if theme_id else ""
                    keywords = theme.get("keywords", [])[:5]
                    hits = naming_hits(label, keywords, reason) if theme_id else {"label": [], "keywords": [], "named": False}
                    per_reason.append({"reason": reason, "theme_id": theme_id, "label": label, "keywords": keywords,
                                       "precision": best["precision"], "recall": best["recall"], "f1": best["f1"],
                                       "hits": hits, "named": hits["named"]})

    print_summary(results, len(gold), len(reasons))
    if per_reason is not None:
        print_per_reason(per_reason)

    if args.json:
        out = {"data": args.data, "records": len(gold), "reasons": reasons,
               "reason_counts": {r: gold.count(r) for r in reasons}, "systems": results,
               "earshot_per_reason": per_reason, "reason_terms": REASON_TERMS}
        Path(args.json).write_text(json.dumps(out, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
