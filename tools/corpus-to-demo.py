#!/usr/bin/env python3
"""Builds src/main/resources/demo/exchanges.ndjson from the gold of the development corpus.

Usage: tools/corpus-to-demo.py [CORPUS_DIR]   (default: src/test/resources/corpus/dev)

Each gold exchange becomes one NDJSON line in the import format, status "verified" (it was
coded by hand). Articles that report the same exchange are merged into one record with several
sources (codebook section 1), per same-exchange.tsv beside the corpus folder: the union of participants, localities,
themes and sources; the most precise date; the first non-null venue. An exchange that names no
participant or participant locality of one side is left out: the service refuses it (a record must
show it is bilateral; README "Decisions").
"""
import json, glob, os, sys


def same_exchange(corpus):
    """Groups of (article, gold index) that are one exchange: ../same-exchange.tsv beside the corpus."""
    groups = []
    with open(os.path.join(corpus, "..", "same-exchange.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                groups.append([(m.split(":")[0], int(m.split(":")[1])) for m in line.strip().split("\t")])
    return groups

PRECISION = {"day": 0, "month": 1, "year": 2}


def source(art):
    if not art.get("url"):
        return None
    return {k: art.get(k) for k in ("url", "outlet", "title", "published", "language")}


def record(art, i, e):
    r = {
        "key": f"corpus-{art['id']}-{i}",
        "date": e["date"], "end_date": e.get("end_date"), "date_precision": e["date_precision"],
        "format": e["format"], "kind": e["kind"], "venue": e.get("venue"), "level": e["level"],
        "status": "verified",
        "notes": f"Hand-coded from corpus article {art['id']}.",
        "participants": [{"name": p["name"], "side": p["side"], "titles": p.get("titles")} for p in e["participants"]],
        "localities": [{"name": l["name"], "country": l["country"], "role": l["role"]} for l in e["localities"]],
        "themes": list(e["themes"]),
        "sources": [s for s in [source(art)] if s],
    }
    return r


def merge(records):
    records = sorted(records, key=lambda r: PRECISION[r["date_precision"]])
    m = dict(records[0])
    m["key"] = "+".join(r["key"] for r in records)
    m["notes"] = "Hand-coded from corpus articles " + ", ".join(r["key"].split("-")[1] for r in records) + \
        "; reported by several articles (values of the most precise report kept)."
    for field, ident in (("participants", lambda x: x["name"]), ("localities", lambda x: (x["name"], x["role"])),
                         ("sources", lambda x: x["url"])):
        seen, out = set(), []
        for r in records:
            for x in r[field]:
                if ident(x) not in seen:
                    seen.add(ident(x)); out.append(x)
        m[field] = out
    m["themes"] = sorted({t for r in records for t in r["themes"]})
    m["venue"] = next((r["venue"] for r in records if r["venue"]), None)
    if m["venue"] and not any(l["role"] == "venue" for l in m["localities"]):
        m["localities"].append(dict(m["venue"], role="venue"))
    # A venue row from a less precise report that names another unit cannot stay.
    m["localities"] = [l for l in m["localities"] if l["role"] != "venue" or
                       (m["venue"] and l["name"] == m["venue"]["name"])]
    m["level"] = "locality" if any(l["role"] == "participant" for l in m["localities"]) else "central"
    return m


def bilateral(r):
    sides = {p["side"] for p in r["participants"]}
    sides |= {l.get("country") for l in r["localities"] if l["role"] == "participant"}
    return {"VN", "CN"} <= sides


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/corpus/dev"
    arts = {}
    for f in sorted(glob.glob(os.path.join(corpus, "*.json"))):
        a = json.load(open(f, encoding="utf-8"))
        arts[a["id"]] = a
    grouped = {m: g for g in same_exchange(corpus) for m in g}
    done, lines = set(), []
    for aid, a in arts.items():
        for i, e in enumerate(a["gold"]["exchanges"]):
            if (aid, i) in done:
                continue
            group = grouped.get((aid, i), [(aid, i)])
            recs = [record(arts[x], j, arts[x]["gold"]["exchanges"][j]) for x, j in group]
            done.update(group)
            r = merge(recs) if len(recs) > 1 else recs[0]
            if bilateral(r):
                lines.append(r)
            else:
                print(f"left out {aid}:{i}: names no actor of one side", file=sys.stderr)
    out = "src/main/resources/demo/exchanges.ndjson"
    with open(out, "w", encoding="utf-8") as f:
        for r in lines:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{out}: {len(lines)} exchanges")


if __name__ == "__main__":
    main()
