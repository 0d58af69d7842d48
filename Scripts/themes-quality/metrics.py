#!/usr/bin/env python3
"""Theme-quality metrics: a predicted partition against gold labels (THEMES-ANCHORS.md section 4b).

Pure functions over two aligned lists, `predicted` (a cluster id per record, or None for a record that got no
theme) and `gold` (a gold label per record). Unthemed records form one cluster, "(none)", for NMI, AMI, ARI and
the mapped F1; that cluster is never mapped to a gold label, so its records count as wrong predictions.

    python3 Scripts/themes-quality/metrics.py --self-test
"""
from __future__ import annotations

import math
import sys
from collections import Counter, defaultdict
from typing import Hashable, Optional, Sequence

NONE_CLUSTER = "(none)"


def _is_unthemed(cluster) -> bool:
    return cluster is None or cluster == "" or cluster == NONE_CLUSTER


def with_none_cluster(predicted: Sequence[Optional[Hashable]]) -> list[str]:
    """Cluster ids as strings, each unthemed record (None, "" or "(none)") in the cluster "(none)"."""
    return [NONE_CLUSTER if _is_unthemed(p) else str(p) for p in predicted]


def _check(predicted: Sequence, gold: Sequence) -> None:
    if len(predicted) != len(gold):
        raise ValueError(f"predicted has {len(predicted)} entries, gold {len(gold)}")
    if not gold:
        raise ValueError("no records")


def coverage(predicted: Sequence[Optional[Hashable]]) -> float:
    """Share of records with a theme."""
    if not predicted:
        return 0.0
    return sum(0 if _is_unthemed(p) else 1 for p in predicted) / len(predicted)


def nmi(predicted, gold) -> float:
    """Normalized mutual information, arithmetic mean (sklearn's default)."""
    from sklearn.metrics import normalized_mutual_info_score

    _check(predicted, gold)
    return float(normalized_mutual_info_score([str(g) for g in gold], with_none_cluster(predicted),
                                              average_method="arithmetic"))


def ami(predicted, gold) -> float:
    """Adjusted mutual information (arithmetic mean), corrected for chance."""
    from sklearn.metrics import adjusted_mutual_info_score

    _check(predicted, gold)
    return float(adjusted_mutual_info_score([str(g) for g in gold], with_none_cluster(predicted),
                                            average_method="arithmetic"))


def ari(predicted, gold) -> float:
    """Adjusted Rand index."""
    from sklearn.metrics import adjusted_rand_score

    _check(predicted, gold)
    return float(adjusted_rand_score([str(g) for g in gold], with_none_cluster(predicted)))


def contingency(predicted, gold) -> dict[str, Counter]:
    """cluster -> Counter(gold label -> records), with "(none)" for unthemed records."""
    _check(predicted, gold)
    table: dict[str, Counter] = defaultdict(Counter)
    for p, g in zip(with_none_cluster(predicted), gold):
        table[p][str(g)] += 1
    return dict(table)


def majority_mapping(predicted, gold) -> dict[str, str]:
    """Each themed cluster -> its majority gold label (ties: the label that sorts first). "(none)" is left out."""
    mapping = {}
    for cluster, counts in contingency(predicted, gold).items():
        if cluster == NONE_CLUSTER:
            continue
        best = max(counts.values())
        mapping[cluster] = min(label for label, n in counts.items() if n == best)
    return mapping


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def mapped_f1(predicted, gold) -> dict:
    """Many-to-one mapped F1.

    Each themed cluster is mapped to its majority gold label; a record's predicted label is its cluster's label
    (none for "(none)"). Per gold label: precision, recall and F1 of the union of the clusters mapped to it (0 when
    no cluster is). Returns {"macro_f1", "micro_f1" (= accuracy), "mapping", "per_label": {label: {...}}}.
    """
    mapping = majority_mapping(predicted, gold)
    clusters = with_none_cluster(predicted)
    labels = sorted({str(g) for g in gold})
    predicted_labels = [mapping.get(c) for c in clusters]
    gold_s = [str(g) for g in gold]
    per_label = {}
    for label in labels:
        tp = sum(1 for p, g in zip(predicted_labels, gold_s) if p == label and g == label)
        n_pred = sum(1 for p in predicted_labels if p == label)
        n_gold = sum(1 for g in gold_s if g == label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        per_label[label] = {
            "clusters": sorted(c for c, l in mapping.items() if l == label),
            "precision": precision, "recall": recall, "f1": _f1(precision, recall), "support": n_gold,
        }
    correct = sum(1 for p, g in zip(predicted_labels, gold_s) if p == g)
    return {
        "macro_f1": sum(v["f1"] for v in per_label.values()) / len(labels),
        "micro_f1": correct / len(gold_s),
        "mapping": dict(sorted(mapping.items())),
        "per_label": per_label,
    }


def best_cluster_per_label(predicted, gold) -> dict[str, dict]:
    """For each gold label, the themed cluster with the best F1 as a detector of that label.

    precision = |cluster ∩ label| / |cluster|, recall = |cluster ∩ label| / |label|. "(none)" is not a candidate.
    Ties go to the cluster id that sorts first. A label that no themed cluster touches gets cluster None and zeros.
    """
    table = contingency(predicted, gold)
    gold_sizes = Counter(str(g) for g in gold)
    result = {}
    for label in sorted(gold_sizes):
        best = {"cluster": None, "precision": 0.0, "recall": 0.0, "f1": 0.0, "overlap": 0,
                "cluster_size": 0, "support": gold_sizes[label]}
        for cluster in sorted(table):
            if cluster == NONE_CLUSTER:
                continue
            overlap = table[cluster][label]
            if overlap == 0:
                continue
            size = sum(table[cluster].values())
            precision, recall = overlap / size, overlap / gold_sizes[label]
            f1 = _f1(precision, recall)
            if f1 > best["f1"]:
                best = {"cluster": cluster, "precision": precision, "recall": recall, "f1": f1,
                        "overlap": overlap, "cluster_size": size, "support": gold_sizes[label]}
        result[label] = best
    return result


def evaluate(predicted, gold) -> dict:
    """Every metric at once."""
    clusters = with_none_cluster(predicted)
    themed = [(p, g) for p, g in zip(clusters, gold) if p != NONE_CLUSTER]
    mapped = mapped_f1(predicted, gold)
    return {
        "records": len(gold),
        "k": len({c for c in clusters if c != NONE_CLUSTER}),
        "nmi": nmi(predicted, gold),
        "ami": ami(predicted, gold),
        "ari": ari(predicted, gold),
        "mapped_macro_f1": mapped["macro_f1"],
        "mapped_micro_f1": mapped["micro_f1"],
        "coverage": coverage(predicted),
        # Section 4b also asks for "outliers excluded": NMI over the themed records only.
        "nmi_themed_only": nmi([p for p, _ in themed], [g for _, g in themed]) if len(themed) > 1 else None,
        "mapping": mapped["mapping"],
        "per_label_mapped": mapped["per_label"],
        "best_cluster_per_label": best_cluster_per_label(predicted, gold),
    }


# --- self-test ----------------------------------------------------------------------------------------------------

def _close(a: float, b: float, tol: float = 1e-9) -> bool:
    return abs(a - b) <= tol


def self_test() -> int:
    from sklearn.metrics import adjusted_mutual_info_score, adjusted_rand_score, normalized_mutual_info_score

    failures = []
    count = [0]

    def expect(name, ok, detail=""):
        count[0] += 1
        if not ok:
            failures.append(f"{name}: {detail}")

    def check(name, got, want, tol=1e-9):
        ok = (got is None and want is None) or (got is not None and want is not None and _close(got, want, tol))
        expect(name, ok, f"got {got}, want {want}")

    # 1. A perfect partition with renamed clusters.
    gold = ["a", "a", "b", "b", "c", "c"]
    pred = [7, 7, 3, 3, 9, 9]
    check("perfect nmi", nmi(pred, gold), 1.0)
    check("perfect ami", ami(pred, gold), 1.0)
    check("perfect ari", ari(pred, gold), 1.0)
    check("perfect f1", mapped_f1(pred, gold)["macro_f1"], 1.0)
    check("perfect coverage", coverage(pred), 1.0)

    # 2. Against sklearn, with unthemed records as the cluster "(none)".
    gold = ["a", "a", "a", "b", "b", "b", "c", "c", "c", "c"]
    pred = ["x", "x", None, "y", "y", "x", None, "z", "z", ""]
    as_clusters = ["x", "x", "(none)", "y", "y", "x", "(none)", "z", "z", "(none)"]
    check("nmi vs sklearn", nmi(pred, gold), normalized_mutual_info_score(gold, as_clusters))
    check("ami vs sklearn", ami(pred, gold), adjusted_mutual_info_score(gold, as_clusters))
    check("ari vs sklearn", ari(pred, gold), adjusted_rand_score(gold, as_clusters))
    check("coverage", coverage(pred), 7 / 10)
    # By hand: x = {a,a,b} -> a; y = {b,b} -> b; z = {c,c} -> c; (none) = {a,c,c} is never mapped.
    # a: tp 2, predicted 3, gold 3 -> P 2/3 R 2/3 F1 2/3
    # b: tp 2, predicted 2, gold 3 -> P 1   R 2/3 F1 0.8
    # c: tp 2, predicted 2, gold 4 -> P 1   R 1/2 F1 2/3
    m = mapped_f1(pred, gold)
    check("mapped f1 by hand", m["macro_f1"], (2 / 3 + 0.8 + 2 / 3) / 3)
    check("micro f1 by hand", m["micro_f1"], 6 / 10)
    expect("mapping", m["mapping"] == {"x": "a", "y": "b", "z": "c"}, m["mapping"])

    # 3. Many-to-one: two clusters map to one label, and one label gets no cluster (scores 0).
    gold = ["a", "a", "a", "a", "b", "b", "c"]
    pred = [1, 1, 2, 2, 2, 1, 1]
    # 1 = {a,a,b,c} -> a; 2 = {a,a,b} -> a. Every record predicted a.
    # a: P 4/7 R 1 F1 = 2*(4/7)/(4/7+1) = 8/11; b: 0; c: 0.
    check("many-to-one f1", mapped_f1(pred, gold)["macro_f1"], (8 / 11) / 3)

    # 4. Ties in the majority go to the label that sorts first.
    expect("tie mapping", majority_mapping(["k", "k"], ["b", "a"]) == {"k": "a"})

    # 5. Everything unthemed: one cluster, nothing mapped, F1 0, coverage 0.
    gold = ["a", "b", "a", "b"]
    pred = [None] * 4
    check("all none f1", mapped_f1(pred, gold)["macro_f1"], 0.0)
    check("all none coverage", coverage(pred), 0.0)
    check("all none nmi", nmi(pred, gold), normalized_mutual_info_score(gold, ["(none)"] * 4))

    # 6. Best cluster per label by F1, "(none)" excluded.
    gold = ["a", "a", "a", "b", "b", "c"]
    pred = ["p", "p", "q", "q", None, None]
    best = best_cluster_per_label(pred, gold)
    # a: p -> P 1 R 2/3 F1 0.8; q -> P 1/2 R 1/3 F1 0.4.  b: q -> P 1/2 R 1/2 F1 0.5.  c: no themed cluster.
    expect("best clusters", (best["a"]["cluster"], best["b"]["cluster"], best["c"]["cluster"]) == ("p", "q", None), best)
    check("best a f1", best["a"]["f1"], 0.8)
    check("best a precision", best["a"]["precision"], 1.0)
    check("best a recall", best["a"]["recall"], 2 / 3)
    check("best b f1", best["b"]["f1"], 0.5)
    check("best c f1", best["c"]["f1"], 0.0)

    # 7. evaluate() is consistent with the parts, and deterministic.
    gold = ["a", "b", "c"] * 20
    pred = [("t%d" % (i % 4)) if i % 5 else None for i in range(60)]
    e1, e2 = evaluate(pred, gold), evaluate(pred, gold)
    expect("evaluate is deterministic", e1 == e2)
    check("evaluate nmi", e1["nmi"], nmi(pred, gold))
    expect("evaluate k", e1["k"] == 4, e1["k"])

    for f in failures:
        print("FAIL", f)
    print(f"{count[0] - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] not in ("--self-test",):
        print(__doc__.strip())
        sys.exit(2)
    sys.exit(self_test())
