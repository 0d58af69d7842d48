#!/usr/bin/env python3
"""Checks Fixtures/tools against Fixtures/tools/EXPECTED.json.

Run: python3 Scripts/fixturegen/tools_check.py Fixtures

1. Bytes: BOM / no BOM, UTF-16 LE, Windows-1252 (0x92 and é present, not valid UTF-8), line endings.
2. Every file re-read with Python's csv module in the declared encoding: `dataRows` (Salesforce report
   footer excluded) and every sample's `sourceID` exists.
3. A small reference normalizer, written from the rules in EXPECTED.json's brief and independent of
   the generator (it parses the cells, not the generator's datetimes), recomputes `records`,
   `createdAtUTC`, `score`/`scale`, `title`, text (HTML stripped, entities decoded, signatures,
   quoted replies and "Sent from my …" lines removed, PII redacted) and replies, and checks every
   sample, including the merge of the two Google Play files.
"""
import sys, os, io, re, csv, json, html, datetime as dt
from zoneinfo import ZoneInfo
from urllib.parse import urlparse, parse_qs

ROOT = os.path.join(sys.argv[1] if len(sys.argv) > 1 else "Fixtures", "tools")
BERLIN, UTC = ZoneInfo("Europe/Berlin"), dt.timezone.utc
PY_ENC = {"utf-8": "utf-8", "utf-8-bom": "utf-8-sig", "utf-16le": "utf-16", "windows-1252": "cp1252"}
CRLF_FILES = {"freshdesk_tickets.csv", "salesforce_cases_report.csv", "hubspot-crm-exports-all-tickets-2026-11-09.csv",
              "msforms_excel_resave.csv"}
FAIL = []


def check(cond, msg):
    if not cond:
        FAIL.append(msg)


# ----------------------------------------------------------------------------- reading
def read(e):
    data = open(os.path.join(ROOT, e["file"]), "rb").read()
    enc = e["encoding"]
    check(data.startswith(b"\xef\xbb\xbf") == (enc == "utf-8-bom"), f"{e['file']}: UTF-8 BOM mismatch")
    check(data.startswith(b"\xff\xfe") == (enc == "utf-16le"), f"{e['file']}: UTF-16 LE BOM mismatch")
    if enc == "windows-1252":
        check(b"\x92" in data and b"\xe9" in data, f"{e['file']}: expected 0x92 and 0xE9 bytes")
        try:
            data.decode("utf-8")
            FAIL.append(f"{e['file']}: decodes as UTF-8, should not")
        except UnicodeDecodeError:
            pass
    text = data.decode(PY_ENC[enc])
    if e["file"] in CRLF_FILES:
        check("\r" not in text.replace("\r\n", ""), f"{e['file']}: bare CR")
        check(text.endswith("\r\n"), f"{e['file']}: not CRLF-terminated")
    else:
        check("\r" not in text and text.endswith("\n"), f"{e['file']}: not LF-only")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    if e["tool"] == "salesforce" and body and body[-1][:1] and body[-1][0].startswith("Copyright"):
        cut = body.index([])
        footer = body[cut:]
        check(footer == [[], [f"Grand Totals ({cut} records)"], [], ["Confidential Information - Do Not Distribute"],
                         ["Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."]],
              f"{e['file']}: footer {footer}")
        body = body[:cut]
    check(all(len(r) == len(header) for r in body), f"{e['file']}: ragged rows")
    return header, body


# ----------------------------------------------------------------------------- cleaning
SIG = re.compile(r"^-- ?$")
ON_WROTE = re.compile(r"^On .*wrote:\s*$")
SENT_FROM = re.compile(r"^\s*Sent from my \w+.*$", re.I)
PII = [  # e-mail, IBAN before card (an IBAN's digit groups also look like a card number), card, phone
    (re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"), "[email]"),
    (re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b"), "[iban]"),
    (re.compile(r"\b(?:\d[ \-]?){13,19}\b"), "[card]"),
    (re.compile(r"(?<![\w.])\+?\(?\d{1,4}\)?(?:[ .\-]?\(?\d{2,4}\)?){2,5}(?![\w.])"), "[phone]"),
]
SWIFT_ORDER = [PII[0], PII[2], PII[1], PII[3]]   # Sources/EarshotReport/Redactor.swift today


def strip_html(s, tag_as):
    s = re.sub(r"<[^>]*>", tag_as, s)
    return html.unescape(s)


def clean(s, is_html=False, tag_as=""):
    if is_html:
        s = strip_html(s, tag_as)
    out = []
    for line in s.split("\n"):
        if SIG.match(line) or ON_WROTE.match(line):
            break
        if line.startswith(">") or SENT_FROM.match(line):
            continue
        out.append(line)
    return "\n".join(out).strip()


def redact(s, order=PII):
    for rx, ph in order:
        s = rx.sub(ph, s)
    return s


# ----------------------------------------------------------------------------- per-tool readers
def col(header, name, k=0):
    return [i for i, h in enumerate(header) if h == name][k]


def naive(s, fmt):
    t = dt.datetime.strptime(s, fmt)
    a, b = t.replace(tzinfo=BERLIN, fold=0), t.replace(tzinfo=BERLIN, fold=1)
    check(a.utcoffset() == b.utcoffset(), f"ambiguous or missing local time {s}")
    return a.astimezone(UTC)


def utc(s, fmt):
    return dt.datetime.strptime(s, fmt).replace(tzinfo=UTC)


def jira_date(s):
    return naive(s, "%d/%b/%y %I:%M %p")


def rec(sid, created, parts, replies=(), title="", score=None, scale=None, html_=False, updated=None):
    return {"sourceID": sid, "created": created, "parts": [p for p in parts if p], "replies": [p for p in replies if p],
            "title": title or None, "score": score, "scale": scale if score is not None else None, "html": html_,
            "updated": updated}


def records(e, header, body):
    c = lambda name, k=0: col(header, name, k)
    t, out = e["tool"], []
    if t == "freshdesk":
        for r in body:
            out.append(rec(r[c("Ticket ID")], naive(r[c("Created time")], "%d/%m/%Y %H:%M"), [r[c("Description")]],
                           title=r[c("Subject")]))
    elif t == "intercom":
        conv = {}
        for r in body:
            cid = r[c("conversation_id")]
            x = conv.setdefault(cid, rec(cid, utc(r[c("conversation_created_at")], "%Y-%m-%d %H:%M:%S"), [], html_=True))
            (x["parts"] if r[c("message_author_type")] == "user" else x["replies"]).append(r[c("message_body")])
        out = list(conv.values())
    elif t == "helpscout":
        for r in body:
            out.append(rec(r[c("Conversation ID")], utc(r[c("Created At")], "%Y-%m-%dT%H:%M:%SZ"), [r[c("Preview")]],
                           title=r[c("Subject")]))
    elif t == "jira":
        comments = [i for i, h in enumerate(header) if h == "Comment"]
        for r in body:
            rep, mine, theirs = r[c("Reporter Id")], [], []
            for i in comments:
                if r[i]:
                    when, author, text = r[i].split(";", 2)
                    jira_date(when)
                    (mine if author == rep else theirs).append(text)
            sat = r[c("Satisfaction")]
            out.append(rec(r[c("Issue key")], jira_date(r[c("Created")]), [r[c("Description")]] + mine, theirs,
                           r[c("Summary")], int(sat) if sat else None, "1-5"))
    elif t == "salesforce" and "Case Number" in header:
        for r in body:
            out.append(rec(r[c("Case Number")], naive(r[c("Date/Time Opened")], "%m/%d/%Y %I:%M %p"),
                           [r[c("Description")]], title=r[c("Subject")]))
    elif t == "salesforce":
        for r in body:
            out.append(rec(r[c("Id")], utc(r[c("CreatedDate")], "%Y-%m-%d %H:%M:%S"), [r[c("Description")]],
                           title=r[c("Subject")]))
    elif t == "hubspot":
        for r in body:
            out.append(rec(r[c("Ticket ID")], naive(r[c("Create date")], "%Y-%m-%d %H:%M"),
                           [r[c("Ticket description")]], title=r[c("Ticket name")]))
    elif t == "zendeskexplore":
        seen = {}
        tag = c("Ticket tags")
        for r in body:
            key = r[c("Ticket ID")]
            if key in seen:
                check(seen[key][:tag] + seen[key][tag + 1:] == r[:tag] + r[tag + 1:], f"explore {key}: rows differ")
                continue
            seen[key] = r
            out.append(rec(key, naive(r[c("Ticket created - Date")], "%Y-%m-%d"), [], title=r[c("Ticket subject")]))
    elif t == "msforms":
        q = c("How likely are you to recommend Tandem to a friend or colleague?")
        for r in body:
            out.append(rec(r[c("Id")], naive(r[c("Completion time")], "%m/%d/%Y %H:%M"),
                           [r[c("What’s the main reason for your score?")], r[c("Anything else you’d like to tell us?")]],
                           score=int(r[q]), scale="0-10"))
    elif t == "googleplay":
        for r in body:
            rid = parse_qs(urlparse(r[c("Review Link")]).query)["reviewId"][0]
            created = utc(r[c("Review Submit Date and Time")], "%Y-%m-%dT%H:%M:%SZ")
            check(int(r[c("Review Submit Millis Since Epoch")]) // 1000 == int(created.timestamp()), f"play millis {rid}")
            upd = int(r[c("Review Last Update Millis Since Epoch")])
            check(upd // 1000 == int(utc(r[c("Review Last Update Date and Time")], "%Y-%m-%dT%H:%M:%SZ").timestamp()),
                  f"play update millis {rid}")
            out.append(rec(rid, created, [r[c("Review Text")]], [r[c("Developer Reply Text")]], r[c("Review Title")],
                           int(r[c("Star Rating")]), "1-5", updated=upd))
    elif t == "appstore":
        for r in body:
            out.append(rec(r[c("id")], dt.datetime.fromisoformat(r[c("createdDate")]).astimezone(UTC), [r[c("body")]],
                           title=r[c("title")], score=int(r[c("rating")]), scale="1-5"))
            check(len(r[c("territory")]) == 3, "app store territory not alpha-3")
    elif t == "trustpilot":
        for r in body:
            out.append(rec(r[c("Review Id")], utc(r[c("Review Created (UTC)")], "%Y-%m-%d %H:%M:%S"),
                           [r[c("Review Content")]], [r[c("Company Response")]], r[c("Review Title")],
                           int(r[c("Review Stars")]), "1-5"))
    elif t == "wootric":
        for r in body:
            out.append(rec(r[c("Response ID")], utc(r[c("Created At")], "%Y-%m-%d %H:%M:%S UTC"), [r[c("Comment")]],
                           score=int(r[c("Score")]), scale="0-10"))
    elif t == "medallia":
        for r in body:
            if not r[c("response_received_at")]:
                continue
            out.append(rec(r[c("request_id")], utc(r[c("response_received_at")], "%Y-%m-%dT%H:%M:%SZ"),
                           [r[c("comments")]], score=int(r[c("star_rating")]), scale="1-5"))
    else:
        raise SystemExit(f"unknown tool {t}")
    return out


def ids_in(e, header, body):
    """Every value a sample's sourceID may be, straight from the cells."""
    key = {"freshdesk": "Ticket ID", "intercom": "conversation_id", "helpscout": "Conversation ID", "jira": "Issue key",
           "hubspot": "Ticket ID", "zendeskexplore": "Ticket ID", "msforms": "Id", "appstore": "id",
           "trustpilot": "Review Id", "wootric": "Response ID", "medallia": "request_id"}.get(e["tool"])
    if e["tool"] == "salesforce":
        key = "Case Number" if "Case Number" in header else "Id"
    if e["tool"] == "googleplay":
        return {parse_qs(urlparse(r[col(header, "Review Link")]).query)["reviewId"][0] for r in body}
    return {r[col(header, key)] for r in body}


# ----------------------------------------------------------------------------- sample checks
def texts(r, tag_as):
    parts = [redact(clean(p, r["html"], tag_as)) for p in r["parts"]]
    replies = [redact(clean(p, r["html"], tag_as)) for p in r["replies"]]
    return "\n\n".join(p for p in parts if p), "\n\n".join(p for p in replies if p)


def check_sample(name, r, s):
    where = f"{name} {s['sourceID']}"
    check(r["created"].strftime("%Y-%m-%dT%H:%M:%SZ") == s["createdAtUTC"],
          f"{where}: created {r['created']} != {s['createdAtUTC']}")
    check(r["score"] == s["score"] and r["scale"] == s["scale"], f"{where}: score {r['score']}/{r['scale']}")
    check(r["title"] == s["title"], f"{where}: title {r['title']!r} != {s['title']!r}")
    for tag_as in ("", " ", "\n"):
        text, reply = texts(r, tag_as)
        for x in s["textContains"]:
            check(x in text, f"{where}: text lacks {x!r} (tags -> {tag_as!r})\n---\n{text}\n---")
            check("\n" not in x, f"{where}: multi-line textContains {x!r}")
        for x in s["textExcludes"]:
            check(x not in text, f"{where}: text contains {x!r} (tags -> {tag_as!r})")
        for x in s["replyContains"]:
            check(x in reply, f"{where}: reply lacks {x!r}\n---\n{reply}\n---")
    for x in s["textContains"]:   # no raw PII in expectations
        for rx, ph in PII:
            check(rx.sub(ph, x) == x, f"{where}: textContains {x!r} would be redacted")
    # The Swift Redactor today runs card before IBAN: report samples that order would break.
    text_swift = "\n\n".join(redact(clean(p, r["html"]), SWIFT_ORDER) for p in r["parts"])
    if any(x not in text_swift for x in s["textContains"]) or any(x in text_swift for x in s["textExcludes"]):
        NOTES.append(f"{where}: fails with the current Redactor.swift pattern order (card before IBAN)")


NOTES = []


def main():
    expected = json.load(open(os.path.join(ROOT, "EXPECTED.json"), encoding="utf-8"))
    files = sorted(f for f in os.listdir(ROOT) if f.endswith(".csv"))
    check(sorted(e["file"] for e in expected) == files, f"EXPECTED.json does not list exactly {files}")
    by_file = {}
    for e in expected:
        header, body = read(e)
        check(e["headerRows"] == 1, f"{e['file']}: headerRows")
        check(len(body) == e["dataRows"], f"{e['file']}: dataRows {len(body)} != {e['dataRows']}")
        check(8 <= len(body) <= 20 or e["file"].endswith("_202612.csv"),
              f"{e['file']}: {len(body)} rows")
        ids = ids_in(e, header, body)
        recs = records(e, header, body)
        by_file[e["file"]] = recs
        byid = {r["sourceID"]: r for r in recs}
        check(len(byid) == len(recs), f"{e['file']}: duplicate ids after merge")
        check(len(recs) == e["records"], f"{e['file']}: records {len(recs)} != {e['records']}")
        check(len(e["samples"]) >= 3, f"{e['file']}: fewer than 3 samples")
        for s in e["samples"]:
            check(s["sourceID"] in ids, f"{e['file']}: sample id {s['sourceID']} not in file")
            if s["sourceID"] in byid:
                check_sample(e["file"], byid[s["sourceID"]], s)
        print(f"{e['file']:52s} {e['encoding']:12s} rows {len(body):3d}  records {len(recs):3d}  "
              f"samples {len(e['samples'])}")
    # ticket tools: something that must be cleaned away is asserted at least once
    for e in expected:
        if e["tool"] in ("freshdesk", "intercom", "helpscout", "jira", "salesforce", "hubspot"):
            check(any(s["textExcludes"] for s in e["samples"]), f"{e['file']}: no textExcludes")
    check(sum("[email]" in x for e in expected for s in e["samples"] for x in s["textContains"]) >= 1, "no [email] sample")
    # Google Play: both months together, newest `Review Last Update` wins
    for e in expected:
        if "mergedAcrossFiles" in e:
            merged = {}
            for f in (e["mergedWith"], e["file"]):
                for r in by_file[f]:
                    if r["sourceID"] not in merged or r["updated"] > merged[r["sourceID"]]["updated"]:
                        merged[r["sourceID"]] = r
            check(len(merged) == e["mergedAcrossFiles"], f"merged {len(merged)} != {e['mergedAcrossFiles']}")
            for s in e["samples"]:
                check_sample("merged Play", merged[s["sourceID"]], s)
            print(f"{'Play 202611 + 202612 merged':52s} {'':12s} records {len(merged):3d}")
    for n in NOTES:
        print("note:", n)
    if FAIL:
        print("\n".join("FAIL: " + f for f in FAIL))
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
