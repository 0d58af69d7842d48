#!/usr/bin/env python3
"""Deterministic generator for /work/main/Fixtures (Earshot test fixtures).
Run: python3 /tmp/fixturegen/gen.py [outdir]"""
import sys, os, json, csv, io, datetime as dt, collections, shutil
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *

OUT = sys.argv[1] if len(sys.argv) > 1 else "/work/main/Fixtures"
USED = set()                 # all free texts across all files (kept unique)
MANIFEST = []
README = []                  # (path, tool label, quirk)
THEME_LOG = collections.Counter()   # (week, theme) over the sample dataset

QUALTRICS_META = "StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),Finished,RecordedDate,ResponseId,RecipientLastName,RecipientFirstName,RecipientEmail,ExternalReference,LocationLatitude,LocationLongitude,DistributionChannel,UserLanguage".split(",")
QUALTRICS_META_LABELS = "Start Date,End Date,Response Type,IP Address,Progress,Duration (in seconds),Finished,Recorded Date,Response ID,Recipient Last Name,Recipient First Name,Recipient Email,External Data Reference,Location Latitude,Location Longitude,Distribution Channel,User Language".split(",")
QUALTRICS_META_IMPORT = ["startDate", "endDate", "status", "ipAddress", "progress", "duration", "finished",
                         "recordedDate", "_recordId", "recipientLastName", "recipientFirstName", "recipientEmail",
                         "externalDataReference", "locationLatitude", "locationLongitude", "distributionChannel",
                         "userLanguage"]
ZENDESK_HEADER = "Summation column,Id,Requester,Requester id,Requester external id,Requester email,Requester domain,Submitter,Assignee,Group,Subject,Tags,Status,Priority,Via,Ticket type,Created at,Updated at,Assigned at,Organization,Due date,Initially assigned at,Solved at,Resolution time,Satisfaction Score,Group stations,Assignee stations,Reopens,Replies,First reply time in minutes,First reply time in minutes within business hours,First resolution time in minutes,First resolution time in minutes within business hours,Full resolution time in minutes,Full resolution time in minutes within business hours,Agent wait time in minutes,Agent wait time in minutes within business hours,Requester wait time in minutes,Requester wait time in minutes within business hours,On hold time in minutes,On hold time in minutes within business hours".split(",") + ["Description [txt]", "Product area [list]"]
DELIGHTED_HEADER = "Response ID,Email,Name,Score,Comment,Created At (UTC),Plan,Country,Delighted Source,Delighted Device Type,Delighted Country".split(",")
GF_HEADER = ["Timestamp", "Email Address", "How satisfied are you with Tandem? (1-5)",
             "What's one thing we should fix, and why?", "Which plan are you on?"]
TYPEFORM_META = ["Response Type", "Start Date (UTC)", "Stage Date (UTC)", "Submit Date (UTC)", "Network ID", "Tags"]

ISO = "%Y-%m-%d %H:%M:%S"
EXPORT_END = dt.datetime(2026, 11, 15, 23, 30, 0)
PLANS = ["Free", "Team", "Team", "Business"]
COUNTRIES = [("United States", "US"), ("United States", "US"), ("Canada", "CA"), ("United Kingdom", "GB"),
             ("Germany", "DE"), ("Australia", "AU"), ("Netherlands", "NL"), ("India", "IN"), ("Brazil", "BR"),
             ("France", "FR"), ("Sweden", "SE"), ("Ireland", "IE")]
CITIES = [(39.7392, -104.9903), (30.2672, -97.7431), (45.5152, -122.6784), (43.6532, -79.3832),
          (51.5072, -0.1276), (52.5200, 13.4050), (-33.8688, 151.2093), (41.8781, -87.6298),
          (47.6062, -122.3321), (40.7128, -74.0060), (53.3498, -6.2603), (19.0760, 72.8777)]

def us_dt(t, seconds=True, pad=False, ampm=False):
    if ampm:
        return t.strftime("%m/%d/%Y %I:%M:%S %p")
    s = f"{t.month}/{t.day}/{t.year} {t.hour}:{t.minute:02d}"
    return s + (f":{t.second:02d}" if seconds else "")

def make_records(name, n, kind, weights=None, force_by_week=None):
    """Returns list of dicts with when/text/themes, sorted by time."""
    rng = rng_for(name + ":records")
    counts = alloc_weeks(n) if weights is None else alloc_weeks(n, weights)
    recs = []
    for w, c in enumerate(counts):
        for _ in range(c):
            when = rand_time(rng, w)
            text, themes, ctx = compose(rng, when, kind, USED)
            recs.append({"when": when, "text": text, "themes": themes, "ctx": ctx})
    recs.sort(key=lambda r: r["when"])
    return recs

def override(recs, rng, week, text, themes):
    cands = [r for r in recs[1:] if week_of(r["when"]) == week and not r.get("special")]   # never the first row
    r = rng.choice(cands)
    USED.discard(r["text"])
    r["text"], r["themes"], r["special"] = text, themes, True
    r.pop("ctx", None)
    USED.add(text)
    return r

def log_themes(recs):
    for r in recs:
        if r["text"] and not r.get("preview"):
            for t in r["themes"]:
                THEME_LOG[(week_of(r["when"]), t)] += 1

# ------------------------------------------------------------------ emit + verify
def emit(path, tool, enc, delim, eol, final, header, rows, id_col, text_col, quirk, tool_label=None,
         raw=None, extra=None, intended_parse=True):
    """header: list of header records; rows: intended data rows (list of field lists);
    raw: {row_index: raw record string} replacing the rendered row (broken rows)."""
    raw = raw or {}
    recs = list(header) + [raw.get(i, r) for i, r in enumerate(rows)]
    text, starts = render(recs, delim, eol, final)
    data = encode(text, enc)
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)
    e = {"path": path, "tool": tool, "encoding": enc, "delimiter": delim if rows or header else None,
         "lineEnding": ("crlf" if eol == "\r\n" else "lf") if recs else None,
         "finalNewline": bool(final and recs),
         "headerRows": len(header), "dataRows": len(rows),
         "firstId": (rows[0][id_col] if rows and id_col is not None else None),
         "lastId": (rows[-1][id_col] if rows and id_col is not None else None),
         "firstText": (rows[0][text_col] if rows and text_col is not None else None)}
    if rows and text_col is not None:
        assert rows[0][text_col], path
    if raw:
        e["badRows"] = sorted(starts[len(header) + i] for i in raw)
    if extra:
        e.update(extra)
    MANIFEST.append(e)
    README.append((path, tool_label or (tool or "— (none)"), quirk))
    # verification with python's csv module
    back = decode(data, enc)
    assert back == text, path
    parsed = list(csv.reader(io.StringIO(back, newline=""), delimiter=delim))
    if not raw:
        assert parsed == [list(h) for h in header] + [list(r) for r in rows], path
    return e, parsed

# ================================================================== A. sample
def qualtrics_sample():
    name = "qualtrics_nps_3header"
    rng = rng_for(name)
    recs = make_records(name, 69, "nps")
    # specials
    override(recs, rng, 4, "I was double charged on Nov 2 and the refund still hasn't shown up. "
             "Please email me at jane.doe@example.com, not the account owner.", ["billing"])
    # score-only answers and one incomplete response
    for r in rng.sample([r for r in recs[1:] if not r.get("special")], 3):
        USED.discard(r["text"]); r["text"] = ""
    incomplete = rng.choice([r for r in recs[1:] if r["text"] and not r.get("special")])
    USED.discard(incomplete["text"]); incomplete["text"] = ""; incomplete["incomplete"] = True
    prev_when = rand_time(rng, 2)
    recs.append({"when": prev_when, "text": "Testing the survey preview before we send it to customers, please ignore.",
                 "themes": [], "preview": True})
    recs.sort(key=lambda r: r["when"])
    log_themes(recs)
    header = [QUALTRICS_META + ["Q1", "Q1_NPS_GROUP", "Q2", "Plan"],
              QUALTRICS_META_LABELS + ["How likely are you to recommend Tandem to a friend or colleague?",
                                       "(Group) Q1_NPS_GROUP", "What is the main reason for your score?", "Plan"]]
    imp = []
    for k in QUALTRICS_META_IMPORT:
        d = {"ImportId": k}
        if k in ("startDate", "endDate", "recordedDate"):
            d["timeZone"] = "America/Denver"
        imp.append(json.dumps(d, separators=(",", ":")))
    imp += ['{"ImportId":"QID1"}', '{"ImportId":"QID1_NPS_GROUP"}', '{"ImportId":"QID2_TEXT"}', '{"ImportId":"Plan"}']
    header.append(imp)
    rows, ids = [], set()
    for r in recs:
        start = r["when"]
        dur = rng.randint(35, 600)
        if r.get("incomplete"):
            dur = rng.randint(3600, 7200)
        end = start + dt.timedelta(seconds=dur)
        recd = end + dt.timedelta(seconds=rng.randint(0, 2))
        while True:
            rid = "R_" + tok(rng, 15, B62)
            if rid not in ids:
                ids.add(rid); break
        score = nps_score(rng, r["themes"]) if not r.get("preview") else 8
        group = "1" if score <= 6 else "2" if score <= 8 else "3"
        email_dist = rng.random() < 0.45 and not r.get("preview")
        if email_dist:
            f, l = person(rng)
            last, first, mail = l, f, email_for(rng, f, l)
            ext = "TND-" + str(rng.randint(10000, 99999))
        else:
            last = first = mail = ext = ""
        lat, lon = rng.choice(CITIES)
        status, ipaddr, chan = "IP Address", ip(rng), ("email" if email_dist else "anonymous")
        prog, fin = "100", "True"
        if r.get("preview"):
            status, ipaddr, chan, lat, lon = "Survey Preview", "", "preview", None, None
        if r.get("incomplete"):
            prog, fin = "50", "False"
        rows.append([start.strftime(ISO), end.strftime(ISO), status, ipaddr, prog, str(dur), fin,
                     recd.strftime(ISO), rid, last, first, mail, ext,
                     "" if lat is None else f"{lat:.4f}", "" if lon is None else f"{lon:.4f}", chan, "EN",
                     str(score), group, r["text"], rng.choice(PLANS)])
    rows.sort(key=lambda x: x[7])
    emit(f"sample/{name}.csv", "qualtrics", "utf-8", ",", "\n", True, header, rows, 8, 19,
         "3 header rows (tags, labels, ImportId JSON with timeZone America/Denver); `Q1_NPS_GROUP`; 1 `Survey Preview` row; 1 unfinished response; 4 empty answers",
         extra={"previewRows": 1})

def surveymonkey_sample():
    name = "surveymonkey_2header"
    rng = rng_for(name)
    recs = make_records(name, 50, "survey")
    override(recs, rng, 5, "@handle the iOS app crashes on startup since the 5.2.0 update, I can't open anything. Please fix",
             ["crash"])
    for r in rng.sample([r for r in recs[1:] if not r.get("special")], 2):
        USED.discard(r["text"]); r["text"] = ""
    log_themes(recs)
    q1 = "How likely is it that you would recommend Tandem to a friend or colleague?"
    header = [["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
               "First Name", "Last Name", "Custom Data 1", q1, "What could we do better?", "Which apps do you use?", "", ""],
              [""] * 9 + ["Response", "Open-Ended Response", "Web", "iOS", "Android"]]
    rows = []
    rid = 11482937456
    for r in recs:
        rid += rng.randint(40000, 900000)
        start = r["when"]
        end = start + dt.timedelta(seconds=rng.randint(30, 420))
        email_coll = rng.random() < 0.4
        if email_coll:
            f, l = person(rng); mail = email_for(rng, f, l); coll = "431876998"
        else:
            f = l = mail = ""; coll = "431876512"
        cd = ("ws_" + tok(rng, 6, "0123456789abcdef")) if rng.random() < 0.6 else ""
        apps = set()
        if "crash" in r["themes"]:
            apps.add(r.get("ctx", {}).get("platform", "iOS"))
        for a in ["Web", "iOS", "Android"]:
            if rng.random() < (0.75 if a == "Web" else 0.4):
                apps.add(a)
        if not apps:
            apps.add("Web")
        score = nps_score(rng, r["themes"])
        rows.append([str(rid), coll, start.strftime("%m/%d/%Y %I:%M:%S %p"), end.strftime("%m/%d/%Y %I:%M:%S %p"),
                     ip(rng), mail, f, l, cd, str(score), r["text"]] + [a if a in apps else "" for a in ["Web", "iOS", "Android"]])
    emit(f"sample/{name}.csv", "surveymonkey", "utf-8", ",", "\r\n", True, header, rows, 0, 10,
         "2 header rows; row 1 empty over the multi-column question; US dates with AM/PM; CRLF with bare LF inside answers; cell starting with `@handle`")

def typeform_sample():
    name = "typeform_export"
    rng = rng_for(name)
    recs = make_records(name, 50, "survey")
    override(recs, rng, 2, "<script>alert(1)</script>\nsorry, just checking whether you sanitize input. "
             "Real feedback: the CSV export is missing the Due date column.", ["export"])
    override(recs, rng, 1, "+1 on the export missing columns, same problem for our team.", ["export"])
    partial = rng.sample([r for r in recs[1:] if not r.get("special")], 2)
    for r in partial:
        USED.discard(r["text"]); r["text"] = ""; r["partial"] = True
    log_themes(recs)
    header = [["#", "*How likely are you to recommend Tandem?*", "<strong>What should we improve?</strong>",
               "Web", "iOS", "Android", "Other", "Slack", "Google Calendar", "Outlook", "Other"] + TYPEFORM_META]
    rows, ids = [], set()
    for r in recs:
        while True:
            t = tok(rng, 32, "0123456789abcdefghijklmnopqrstuvwxyz")
            if t not in ids:
                ids.add(t); break
        start = r["when"]
        submit = start + dt.timedelta(seconds=rng.randint(25, 400))
        apps = [a for a in ["Web", "iOS", "Android"] if rng.random() < (0.75 if a == "Web" else 0.4)]
        if "crash" in r["themes"]:
            pf = r.get("ctx", {}).get("platform", "iOS")
            if pf not in apps:
                apps.append(pf)
        other1 = rng.choice(["iPad app", "Mac desktop app", "Linux, in the browser", "Apple Watch"]) if rng.random() < 0.1 else ""
        integ = [i for i in ["Slack", "Google Calendar", "Outlook"] if rng.random() < 0.35]
        if "calendar" in r["themes"] and not ({"Google Calendar", "Outlook"} & set(integ)):
            integ.append(rng.choice(["Google Calendar", "Outlook"]))
        other2 = rng.choice(["Zapier", "Jira", "GitHub", "Notion", "Microsoft Teams"]) if rng.random() < 0.15 else ""
        score = nps_score(rng, r["themes"])
        rtype = "partial" if r.get("partial") else "completed"
        sub = "" if r.get("partial") else submit.strftime(ISO)
        stage = submit.strftime(ISO)
        tags = rng.choice(["", "", "", "", "beta", "vip", "beta vip"])
        rows.append([t, str(score), r["text"]] + [a if a in apps else "" for a in ["Web", "iOS", "Android"]] + [other1]
                    + [i if i in integ else "" for i in ["Slack", "Google Calendar", "Outlook"]] + [other2]
                    + [rtype, start.strftime(ISO), stage, sub, tok(rng, 10, "0123456789abcdef"), tags])
    emit(f"sample/{name}.csv", "typeform", "utf-8", ",", "\n", True, header, rows, 0, 2,
         "markdown `*…*` and HTML `<strong>` in headers; one column per choice; `Other` twice; 2 partial responses with empty Submit Date; `<script>` and a cell starting with `+`")

def googleforms_sample():
    name = "googleforms_responses"
    rng = rng_for(name)
    recs = make_records(name, 50, "survey")
    override(recs, rng, 3, '=HYPERLINK("http://evil") is what one of our users pasted into a task title, '
             "and now the CSV export breaks when we open it in Excel.", ["export"])
    override(recs, rng, 1, "Sync between my phone and my laptop is slow, sometimes 10 minutes.\n"
             "You can call me on +1 415 555 0134 if you want me to show you.", ["sync"])
    log_themes(recs)
    labels = {1: "1 - Very dissatisfied", 2: "2 - Dissatisfied", 3: "3 - Neutral", 4: "4 - Satisfied", 5: "5 - Very satisfied"}
    rows = []
    for r in recs:
        f, l = person(rng)
        s = five_score(rng, r["themes"])
        rows.append([us_dt(r["when"]), email_for(rng, f, l), labels[s] if rng.random() < 0.45 else str(s),
                     r["text"], rng.choice(PLANS)])
    emit(f"sample/{name}.csv", "googleforms", "utf-8", ",", "\r\n", False, [GF_HEADER], rows, None, 3,
         "Sheets download: `M/d/yyyy H:mm:ss` no zone; CRLF with bare LF in answers; no final newline; scale as `4` or `5 - Very satisfied`; cell starting with `=HYPERLINK(`")

def zendesk_rows(rng, recs, first_id, summation_start=1):
    agents = ["Priya Raman", "Marcus Webb", "Lena Hoffmann", "Tomás Ortega", "Aiko Tanaka", "Devon Hayes"]
    groups = {"billing": "Billing", "pricing": "Billing", "crash": "Mobile", "sync": "Support", "login": "Support",
              "export": "Support", "support": "Support", "praise": "Support", "calendar": "Integrations"}
    rows = []
    tid = first_id
    for i, r in enumerate(recs):
        tid += rng.randint(1, 9)
        theme = r["themes"][0]
        created = r["when"]
        ctx = r.get("ctx") or make_ctx(rng, created)
        org = rng.choice(ORGS) if rng.random() < 0.7 else ""
        f, l = person(rng)
        mail = email_for(rng, f, l, org or None)
        if not r.get("special"):
            body = r["text"]
            greet = rng.choice(["Hi,", "Hello,", "Hi Tandem team,", "Hey,", "Hi there,", ""])
            details = {
                "billing": [f"Invoice #INV-2026-{rng.randint(10000, 99999)}", f"Account owner: {f} {l}, {org or 'personal account'}"],
                "crash": [f"Device: {ctx['mdevice']}, {ctx['platform']} app version {ctx['ver']}"],
                "login": ['The error says "Something went wrong, please try again".', f"Browser: {ctx['browser']} on Windows 11"],
                "export": ['I clicked "Export", then "CSV (all fields)", and got the same file.', f"Browser: {ctx['browser']}, macOS"],
                "calendar": ['The integration page says "Connected", but nothing updates.'],
                "sync": [f"Workspace: {(org or 'personal').split(' ')[0].lower()}"],
            }.get(theme, [])
            parts = [greet] if greet else []
            parts.append(body)
            if details and rng.random() < 0.55:
                parts.append(rng.choice(details))
            sign = rng.choice(["", f"Thanks,\n{f}", f"Best,\n{f} {l}", "Sent from my iPhone", f"Cheers, {f}"])
            desc = "\n".join(parts) + ("\n\n" + sign if sign else "")
        else:
            desc = r["text"]
        r["desc"] = desc
        subj = rng.choice(SUBJECTS[theme]).format(ver=ctx["ver"], platform=ctx["platform"])
        tags = rng.sample(TICKET_TAGS[theme], rng.randint(1, min(3, len(TICKET_TAGS[theme]))))
        if theme == "crash":
            tags.append(ctx["platform"].lower())
        if rng.random() < 0.5:
            tags.append("plan_" + rng.choice(["free", "team", "business"]))
        via = rng.choice(["Mail", "Mail", "Web form", "Chat"])
        ttype = rng.choice(["Incident", "Question", "Problem", "Question", ""]) if theme != "praise" else rng.choice(["Question", ""])
        prio = {"billing": ["High", "Normal"], "crash": ["Urgent", "High"], "login": ["High", "Normal", "Urgent"]}.get(theme, ["Normal", "Low", "Normal"])
        prio = rng.choice(prio)
        slow = theme == "support" or (len(r["themes"]) > 1 and r["themes"][1] == "support")
        frt = rng.randint(1500, 6500) if slow else rng.randint(8, 900)
        age_min = (EXPORT_END - created).total_seconds() / 60
        frt = min(frt, int(age_min) - 1)
        full = int(frt + rng.randint(30, 6000))
        solved = full < age_min - 60 and rng.random() < 0.9
        assigned = created + dt.timedelta(minutes=rng.randint(1, max(2, min(frt, 240))))
        new = frt < 0 or (not solved and age_min < 600 and rng.random() < 0.5)
        if new:
            status, assignee, grp = "New", "", ""
            assigned_s = init_s = solved_s = ""
            updated = created + dt.timedelta(minutes=rng.randint(0, 30))
            frt_s = frs = fr_bh = frs_bh = full_s = full_bh = ""
            replies, reopens, gst, ast = "0", "0", "1", "0"
        else:
            assignee, grp = rng.choice(agents), groups[theme]
            assigned_s = assigned.strftime(ISO)
            early = created + (assigned - created) * rng.uniform(0.1, 0.6)
            init_s = early.replace(microsecond=0).strftime(ISO) if rng.random() < 0.2 else assigned_s
            replies = str(rng.randint(1, 5)); reopens = "1" if rng.random() < 0.1 else "0"
            gst = str(rng.choice([1, 1, 1, 2])); ast = str(rng.choice([1, 1, 2]))
            frt_s, fr_bh = str(frt), str(int(frt * rng.uniform(0.3, 0.8)))
            if solved:
                sol = created + dt.timedelta(minutes=full)
                status = "Closed" if (EXPORT_END - sol).days >= 4 else "Solved"
                solved_s = sol.strftime(ISO)
                firstres = full if reopens == "0" else int(full * 0.6)
                frs, frs_bh = str(firstres), str(int(firstres * rng.uniform(0.3, 0.7)))
                full_s, full_bh = str(full), str(int(full * rng.uniform(0.3, 0.7)))
                updated = sol + dt.timedelta(minutes=rng.randint(0, 600))
            else:
                status = rng.choice(["Open", "Pending", "Open"])
                solved_s = frs = frs_bh = full_s = full_bh = ""
                updated = created + dt.timedelta(minutes=rng.randint(frt, int(age_min) - 1))
            updated = min(updated, EXPORT_END)
        if solved and not new:
            sat = rng.choice(["Offered", "Offered", "Good", "Good", "Bad", "Unoffered"])
            if theme == "praise":
                sat = "Good"
            res_h = str(round(full / 60))
        else:
            sat, res_h = "Unoffered", ""
        agent_wait = str(int(int(full_s or 0) * rng.uniform(0.2, 0.6))) if full_s else ""
        req_wait = str(int(int(full_s or 0) * rng.uniform(0.05, 0.4))) if full_s else ""
        hold = ("0" if rng.random() < 0.85 else str(rng.randint(30, 600))) if full_s else ""
        due = ""
        if ttype == "Task":
            due = (created + dt.timedelta(days=3)).strftime("%Y-%m-%d 00:00:00")
        ext = ("cust-" + str(rng.randint(10000, 99999))) if rng.random() < 0.5 else ""
        area = PRODUCT_AREA[theme] if rng.random() < 0.85 else ""
        rows.append([str(summation_start + i), str(tid), f"{f} {l}", str(rng.randint(360000000000, 369999999999)), ext, mail,
                     mail.split("@")[1], f"{f} {l}", assignee, grp, subj, " ".join(tags), status, prio, via, ttype,
                     created.strftime(ISO), updated.strftime(ISO), assigned_s, org, due, init_s, solved_s, res_h, sat,
                     gst, ast, reopens, replies, frt_s, fr_bh, frs, frs_bh, full_s, full_bh,
                     agent_wait, str(int(int(agent_wait) * 0.5)) if agent_wait else "",
                     req_wait, str(int(int(req_wait) * 0.5)) if req_wait else "", hold,
                     str(int(int(hold) * 0.5)) if hold else "", desc, area])
    return rows

def zendesk_sample():
    name = "zendesk_tickets"
    rng = rng_for(name)
    recs = make_records(name, 80, "ticket")
    override(recs, rng, 2, "Hi,\n<img src=x onerror=alert(1)>\nThat's what I see in your help widget instead of my screenshot. "
             "Anyway: the CSV export is missing the \"Assignee\" column, which we need for payroll.\n\nThanks,\nGil", ["export"])
    override(recs, rng, 4, "Hello,\nMy colleague jane.doe@example.com was double charged on Nov 2 (two charges of $240.00, same card). "
             "She asked for a refund on the phone, +1 415 555 0134 is her direct line if you need it.\n\nBest,\nOlivia", ["billing"])
    r = override(recs, rng, 3, "Hi team,\r\nsince Tuesday the Android app \"syncs\" forever, and changes from the web take 10+ minutes to appear.\r\n"
                 "We're 14 people, all on Android.\r\n\r\nRegards,\r\nJonas", ["sync"])
    log_themes(recs)
    rows = zendesk_rows(rng, recs, 48213)
    e, _ = emit(f"sample/{name}.csv", "zendesk", "utf-8", ",", "\r\n", True, [ZENDESK_HEADER], rows, 1, 41,
                "verbatim 41 default columns + `Description [txt]`, `Product area [list]`; `Summation column` ≠ `Id`; multi-line bodies with quoted commas and `\"\"`; one body with CRLF inside quotes; `<img onerror>`; space-separated Tags")

def delighted_sample():
    name = "delighted_nps"
    rng = rng_for(name)
    recs = make_records(name, 70, "nps")
    override(recs, rng, 5, "Calendar integration stopped working for me, my Outlook events are gone. "
             "Call me at +1 415 555 0134 if you need details.", ["calendar"])
    for r in rng.sample([r for r in recs[1:] if not r.get("special")], 6):
        USED.discard(r["text"]); r["text"] = ""
    log_themes(recs)
    rows, ids = [], set()
    for r in recs:
        while True:
            rid = tok(rng, 10, "0123456789abcdef")
            if rid not in ids:
                ids.add(rid); break
        f, l = person(rng)
        mail = email_for(rng, f, l)
        nm = f"{f} {l}" if rng.random() < 0.8 else ""
        country, cc = rng.choice(COUNTRIES)
        dcc = cc if rng.random() < 0.9 else rng.choice(COUNTRIES)[1]
        src = rng.choice(["Email", "Email", "Web", "Link"])
        dev = rng.choice(["Desktop", "Desktop", "Mobile", "Tablet"]) if src != "Email" or rng.random() < 0.7 else "Mobile"
        if "crash" in r["themes"]:
            dev = "Mobile"
        rows.append([rid, mail, nm, str(nps_score(rng, r["themes"])), r["text"], r["when"].strftime(ISO),
                     rng.choice(PLANS), country, src, dev, dcc])
    emit(f"sample/{name}.csv", "delighted", "utf-8", ",", "\n", True, [DELIGHTED_HEADER], rows, 0, 4,
         "unverified Delighted-style header (person properties with spaces); 6 score-only rows with empty Comment")

# ================================================================== B. edge
def edge_files():
    # --- Qualtrics legacy, BOM + trailing comma
    h = [["V1", "V2", "V3", "V4", "V5", "V6", "V7", "V8", "V9", "V10", "Q1", "Q2", "LocationLatitude", "LocationLongitude", "LocationAccuracy", ""],
         ["ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress", "IPAddress", "Status", "StartDate", "EndDate", "Finished",
          "This is a multiple choice question.", "This is a free text question.", "LocationLatitude", "LocationLongitude", "LocationAccuracy", ""]]
    rows = [
        ["R_3kTq9WvLm2xYb7P", "Default Response Set", "Anonymous", "", "", "203.0.113.41", "0", "2026-10-06 10:12:44", "2026-10-06 10:14:02", "1", "2",
         "The clean interface is the reason we picked Tandem. Easy to use from day one.", "39.7392", "-104.9903", "-1", ""],
        ["R_8bNf2QzXc5RtJ1m", "Default Response Set", "Anonymous", "", "", "198.51.100.7", "0", "2026-10-14 16:40:09", "2026-10-14 16:43:51", "1", "4",
         "Slow sync between my phone and the web app, sometimes it takes minutes.", "45.5152", "-122.6784", "-1", ""],
        ["R_1xHc7PdKw9LsV3e", "Default Response Set", "Anonymous", "", "", "192.0.2.88", "0", "2026-10-27 08:05:30", "2026-10-27 08:09:12", "1", "3",
         "I can't log in with two-factor on my new phone, and support hasn't answered in 3 days.", "43.6532", "-79.3832", "-1", ""],
        ["R_5gYm4TaRe6UoZ2w", "Default Response Set", "Anonymous", "", "", "203.0.113.199", "0", "2026-11-04 13:22:18", "2026-11-04 13:24:40", "1", "1",
         "Double charged for November, please refund the second charge.", "30.2672", "-97.7431", "-1", ""],
        ["R_9pWd3JsQn8CiF4k", "Default Response Set", "Anonymous", "", "", "198.51.100.152", "0", "2026-11-11 19:47:03", "2026-11-11 19:50:26", "1", "1",
         "Since the update the iOS app crashes on startup, every time.\nThe calendar integration also stopped working, Google Calendar shows nothing.", "41.8781", "-87.6298", "-1", ""],
    ]
    emit("edge/bom_qualtrics_legacy_2header.csv", "qualtrics", "utf-8-bom", ",", "\n", True, h, rows, 0, 11,
         "legacy 2-row header (`V1…V10`, then `ResponseID…`); UTF-8 BOM; trailing comma on every line = empty last header; numeric Status `0`; no time zone",
         extra={"previewRows": 0})

    # --- UTF-16 Delighted
    rows = [
        ["4e1a7c09b2", "renee.dubois@example.org", "Renée Dubois", "10", "Très pratique ! The clean interface is easy to use and my team loves it 🙂",
         "2026-10-14 08:31:02", "Team", "France", "Email", "Desktop", "FR"],
        ["b7d20e5f1c", "zoe.marsh@example.com", "Zoë Marsh", "4", "The “Export to CSV” button gives me a file with missing columns, and “Due date” is always empty.",
         "2026-10-21 12:02:48", "Team", "United Kingdom", "Web", "Desktop", "GB"],
        ["0c93fa6d48", "kai.mueller@example.org", "Kai Müller", "6", "I was double charged in November – still waiting for the refund. Otherwise schön gemacht 🙂",
         "2026-11-04 10:15:33", "Team", "Austria", "Email", "Desktop", "AT"],
        ["e25b8c71a0", "juergen.bauer@example.net", "Jürgen Bauer", "2", "Die App stürzt ab: the Android app crashes on startup since the 5.2.0 update. Bitte schnell beheben!",
         "2026-11-10 17:45:19", "Business", "Germany", "Email", "Mobile", "DE"],
        ["9f6e13d2b5", "ines.alves@example.net", "Inês Alves", "3", "Calendar integration stopped working: my Outlook events don’t show up anymore.\nAlso the “sync” takes ages on iOS.",
         "2026-11-12 19:27:05", "Free", "Portugal", "Link", "Mobile", "PT"],
    ]
    for enc, fn in (("utf-16le", "utf16le_delighted.csv"), ("utf-16be", "utf16be_delighted.csv")):
        emit(f"edge/{fn}", "delighted", enc, ",", "\r\n", True, [DELIGHTED_HEADER], rows, 0, 4,
             f"UTF-16 {'LE (BOM FF FE)' if enc.endswith('le') else 'BE (BOM FE FF)'}; CRLF; é ü ë ê, curly quotes, en dash, emoji (surrogate pair); bare LF inside one comment")

    # --- Windows-1252 Microsoft Forms
    h = [["Id", "Start time", "Completion time", "Email", "Name", "How would you rate Tandem?", "Any other comments?"]]
    rows = [
        ["1", "10/6/2026 9:14", "10/6/2026 9:16", "anonymous", "", "4", "It’s easy to use, but the Team plan at €12 per seat is too expensive for our café."],
        ["2", "10/13/2026 14:02", "10/13/2026 14:05", "lucas.ribeiro@example.com", "Lucas Ribeiro", "2", "The iOS app crashes when I open a project with attachments."],
        ["3", "10/22/2026 11:27", "10/22/2026 11:31", "anonymous", "", "3", "We were double charged in October (2 × €96), the refund is still “pending”."],
        ["4", "11/3/2026 16:48", "11/3/2026 16:50", "helene.moreau@example.org", "Hélène Moreau", "5", "Great support agent, Priya sorted out our SSO login in minutes.\nMerci !"],
        ["5", "11/10/2026 8:05", "11/10/2026 8:06", "anonymous", "", "1", "Calendar integration stopped working – nothing from Outlook shows up since last week."],
        ["6", "11/12/2026 19:33", "11/12/2026 19:36", "sven.holm@example.net", "Sven Holm", "3", ""],
    ]
    emit("edge/windows1252_msforms.csv", "msforms", "windows-1252", ",", "\r\n", True, h, rows, 0, 6,
         "Excel re-save: Windows-1252 bytes 0x92 ’ 0xE9 é 0x80 € 0x93/0x94 “” 0x96 – 0xD7 ×; `M/d/yyyy H:mm` no seconds; `Email` = `anonymous`; bare LF inside one comment")

    # --- Google Forms CRLF + LF inside quotes, no final newline
    rows = [
        ["10/7/2026 9:03:12", "maya.iyer@example.com", "2", "Two-factor codes arrive late.\nBy the time the SMS comes the code has expired,\nso I can't log in before standup.", "Team"],
        ["10/16/2026 18:44:50", "theo.walsh@example.net", "4 - Satisfied", "Export to CSV.\n\nIt is missing the Priority and Tags columns, and we need both for reporting.", "Business"],
        ["10/28/2026 12:10:05", "rosa.castillo@example.org", "5", "Nothing big, it's easy to use. Maybe dark mode?", "Free"],
        ["11/5/2026 7:58:31", "umar.haddad@example.com", "1 - Very dissatisfied", "Double charged!\nTwo charges of $96 on Nov 1.\nNo refund yet and no reply from support.", "Team"],
        ["11/12/2026 15:20:17", "wen.larsen@example.net", "2", "The Android app crashes on startup since the update.\nPixel 8, app 5.2.0.", "Team"],
        ["11/14/2026 10:02:43", "kasia.novak@example.org", "3 - Neutral", "Google Calendar sync stopped working,\ndeadlines don't show up in my calendar anymore.\n\nPlease fix, we plan our week around it.", "Business"],
    ]
    emit("edge/crlf_lf_in_quotes_googleforms.csv", "googleforms", "utf-8", ",", "\r\n", False, [GF_HEADER], rows, None, 3,
         "CRLF record ends, 1–3 bare LF inside quoted answers (incl. a blank line), commas inside quotes; NO final newline")

    # --- Qualtrics 3-header, Europe/Zurich, multi-line label, repeated Timing labels
    tags = ["QC", "Timing01_First Click", "Timing01_Last Click", "Timing01_Page Submit", "Timing01_Click Count",
            "Q1", "Q1_NPS_GROUP", "Q2", "Timing02_First Click", "Timing02_Last Click", "Timing02_Page Submit", "Timing02_Click Count"]
    labels = ["Before we start\nYour answers are only used to improve Tandem and are never shared. Do you agree to take part?",
              "Timing - First Click", "Timing - Last Click", "Timing - Page Submit", "Timing - Click Count",
              "How likely are you to recommend Tandem to a friend or colleague?", "(Group) Q1_NPS_GROUP",
              "What is the main reason for your score?",
              "Timing - First Click", "Timing - Last Click", "Timing - Page Submit", "Timing - Click Count"]
    imps = ["QID5", "QID6_FIRST_CLICK", "QID6_LAST_CLICK", "QID6_PAGE_SUBMIT", "QID6_CLICK_COUNT", "QID1", "QID1_NPS_GROUP", "QID2_TEXT",
            "QID7_FIRST_CLICK", "QID7_LAST_CLICK", "QID7_PAGE_SUBMIT", "QID7_CLICK_COUNT"]
    imp = []
    for k in QUALTRICS_META_IMPORT:
        d = {"ImportId": k}
        if k in ("startDate", "endDate", "recordedDate"):
            d["timeZone"] = "Europe/Zurich"
        imp.append(json.dumps(d, separators=(",", ":")))
    imp += [json.dumps({"ImportId": k}, separators=(",", ":")) for k in imps]
    h = [QUALTRICS_META + tags, QUALTRICS_META_LABELS + labels, imp]
    def qrow(start, dur, rid, score, text, ipaddr, lat, lon, t1, t2):
        s = dt.datetime.strptime(start, ISO)
        e = s + dt.timedelta(seconds=dur)
        g = "1" if score <= 6 else "2" if score <= 8 else "3"
        return [start, e.strftime(ISO), "IP Address", ipaddr, "100", str(dur), "True", (e + dt.timedelta(seconds=1)).strftime(ISO), rid,
                "", "", "", "", lat, lon, "anonymous", "EN", "I agree"] + t1 + [str(score), g, text] + t2
    rows = [
        qrow("2026-10-08 11:02:37", 94, "R_6vQe1LpZt3NhW8s", 9, "Easy to use and the clean interface makes planning calm. Support was quick too.",
             "192.0.2.61", "47.3769", "8.5417", ["1.204", "4.877", "5.310", "3"], ["2.016", "40.552", "41.903", "6"]),
        qrow("2026-10-25 10:15:09", 212, "R_2rKx8DmYa5GcT1j", 3, "We were double charged in October. The refund took three weeks and two reminders.",
             "198.51.100.23", "46.9480", "7.4474", ["0.988", "3.102", "3.966", "2"], ["1.470", "150.209", "152.611", "9"]),
        qrow("2026-11-03 16:48:55", 131, "R_7hTb2WnFs9QeL4c", 4, "The Outlook calendar integration stopped working on Monday, our team calendar is empty.",
             "203.0.113.9", "46.2044", "6.1432", ["2.311", "6.020", "7.544", "4"], ["0.870", "88.134", "90.005", "5"]),
        qrow("2026-11-13 08:27:14", 77, "R_4nCw6YhJq1PzS9m", 1, "App crashes on startup since 5.2.0.\nReinstalled twice, same crash.",
             "192.0.2.174", "47.5596", "7.5886", ["1.002", "2.781", "3.400", "2"], ["0.652", "47.218", "48.920", "4"]),
    ]
    emit("edge/qualtrics_3header_tz.csv", "qualtrics", "utf-8", ",", "\n", True, h, rows, 8, 24,
         "3 header rows with `timeZone` Europe/Zurich (CEST→CET on 2026-10-25); row-2 label with an embedded newline; repeated row-2 labels `Timing - First Click` …",
         extra={"previewRows": 0})

    # --- Typeform duplicate and empty headers
    h = [["#", "*How likely are you to recommend Tandem?*", "<strong>What should we improve?</strong>",
          "Web", "iOS", "Android", "Other", "Slack", "Google Calendar", "Outlook", "Other", "Web", "Desktop", "Other", ""] + TYPEFORM_META]
    rows = [
        ["k3v9q1x7m2p8d4r6t0z5w1y7c3b9n2h4", "9", "Honestly not much, it's easy to use. Maybe a dark mode.",
         "Web", "iOS", "", "", "Slack", "", "", "", "Web", "", "", "yes", "completed", "2026-10-09 14:03:11", "2026-10-09 14:05:40", "2026-10-09 14:05:40", "3fa9c2e1b0", ""],
        ["a8f2m6x0q4w9e3r7t1y5u8i2o6p0s4d1", "3", "Slow sync between iOS and web.\nChanges take minutes to appear on my phone.",
         "Web", "iOS", "", "iPad app", "", "", "", "", "", "Desktop", "", "no", "completed", "2026-10-20 07:51:48", "2026-10-20 07:54:02", "2026-10-20 07:54:02", "7d10be4a92", "beta"],
        ["z1x2c3v4b5n6m7l8k9j0h1g2f3d4s5a6", "6", "Google Calendar integration stopped working, deadlines vanished from my calendar.",
         "Web", "", "Android", "", "Slack", "Google Calendar", "", "Zapier", "Web", "", "", "", "completed", "2026-11-05 16:22:09", "2026-11-05 16:25:31", "2026-11-05 16:25:31", "c44e0f9a1d", ""],
        ["q9w8e7r6t5y4u3i2o1p0a9s8d7f6g5h4", "1", "The Android app crashes on startup after the update.",
         "", "", "Android", "", "", "", "", "", "", "", "Android tablet", "", "completed", "2026-11-11 09:14:55", "2026-11-11 09:16:10", "2026-11-11 09:16:10", "5b7a2d8c30", "vip"],
        ["m4n5b6v7c8x9z0l1k2j3h4g5f6d7s8a9", "5", "",
         "Web", "", "", "", "", "", "Outlook", "", "", "", "", "", "partial", "2026-11-14 20:40:12", "2026-11-14 20:41:03", "", "9e3f61c7a4", ""],
    ]
    emit("edge/typeform_duplicate_headers.csv", "typeform", "utf-8", ",", "\n", True, h, rows, 0, 2,
         "duplicate header names (`Other` ×3, `Web` ×2) and one empty header cell; a partial response")

    # --- Semicolon Delighted
    rows = [
        ["3b8e0d1f7a", "liam.osei@example.com", "Liam Osei", "8", "Easy to use, clean interface, but the Team plan is a bit expensive for us", "2026-10-07 11:22:33", "Team", "Netherlands", "Email", "Desktop", "NL"],
        ["c5a1f9e2d0", "freya.holm@example.net", "Freya Holm", "4", "Sync is slow, sometimes 5 minutes, and offline edits get lost", "2026-10-19 15:08:41", "Team", "Denmark", "Web", "Desktop", "DK"],
        ["71d4b0c8e6", "pablo.reyes@example.org", "Pablo Reyes", "2", "Export is broken; the CSV has no Assignee column, no Tags column", "2026-10-29 09:47:12", "Business", "Spain", "Email", "Desktop", "ES"],
        ["e0f6a3c9b1", "daria.keller@example.com", "Daria Keller", "1", "Double charged on Nov 1, refund requested, no answer yet", "2026-11-06 17:30:05", "Team", "Germany", "Email", "Mobile", "DE"],
        ["2a9c7e4b1f", "yusuf.aydin@example.net", "Yusuf Aydin", "3", "Since the update the iOS app crashes on startup, 5.2.0, iPhone 12", "2026-11-12 08:14:59", "Free", "Belgium", "Link", "Mobile", "BE"],
    ]
    emit("edge/semicolon_delighted.csv", "delighted", "utf-8", ";", "\r\n", True, [DELIGHTED_HEADER], rows, 0, 4,
         "`;`-delimited (European Excel re-save); unquoted commas in comments; one comment with `;` inside quotes; CRLF")

    # --- Zendesk with unterminated quote in ticket 4 (mid-file)
    rng = rng_for("unterminated_zendesk")
    subjects = [("login", "2026-10-13 09:20:00", "Hi,\nI can't log in since the SSO change, the page says \"invalid state\".\nThanks"),
                ("billing", "2026-10-21 14:05:00", "Hello, we were double charged for October, please refund one of the charges."),
                ("crash", "2026-10-30 10:42:00", "The Android app crashes when I open a project with attachments."),
                ("export", "2026-11-03 16:11:00", "Export to CSV cuts off after the Tags column, everything after it is missing"),
                ("calendar", "2026-11-09 11:30:00", "Google Calendar sync stopped working for our team on Monday"),
                ("crash", "2026-11-12 08:55:00", "The iOS app crashes on startup since the 5.2.0 update")]
    recs = [{"when": dt.datetime.strptime(t, ISO), "themes": [th], "text": tx, "special": True} for th, t, tx in subjects]
    for rec, (pf, dev, ver) in ((recs[2], ("Android", "Galaxy A54", "5.1.3")), (recs[5], ("iOS", "iPhone 15", "5.2.0"))):
        rec["ctx"] = dict(make_ctx(rng, rec["when"]), platform=pf, mdevice=dev, ver=ver)
    rows = zendesk_rows(rng, recs, 48790)
    # make tickets 5 and 6 safe to leave unquoted (no commas/quotes/newlines anywhere in them)
    for r in rows[4:]:
        for j, v in enumerate(r):
            assert not any(c in v for c in ',"\n\r'), (j, v)
    bad = ",".join(qfield(v, ",") for v in rows[3][:41]) + ',"' + rows[3][41] + "," + rows[3][42]
    emit("edge/unterminated_quote_zendesk.csv", "zendesk", "utf-8", ",", "\r\n", True, [ZENDESK_HEADER], rows, 1, 41,
         "ticket 4's Description opens a quote that is never closed; tickets 5–6 follow on later lines (RFC parser swallows them)",
         raw={3: bad})

    # --- Delighted, last row has an unterminated quote (end of file)
    rows = [
        ["a41c9e07d2", "nikhil.berg@example.com", "Nikhil Berg", "9", "Clean interface, easy to use, great support.", "2026-10-08 10:11:12", "Team", "India", "Email", "Desktop", "IN"],
        ["5d2f8b6c10", "olivia.sato@example.org", "Olivia Sato", "6", "Two-factor login on Android is flaky, I have to log in twice.", "2026-10-22 13:40:27", "Free", "Japan", "Web", "Mobile", "JP"],
        ["e8b3a0f47c", "hiro.nakamura@example.net", "Hiro Nakamura", "7", "Good tool, but too expensive for a small team.", "2026-10-30 18:02:50", "Team", "Japan", "Email", "Desktop", "JP"],
        ["0f7d1c9a3e", "gil.abbott@example.com", "Gil Abbott", "2", "Still no refund for the double charge.", "2026-11-05 09:33:08", "Business", "United States", "Email", "Desktop", "US"],
        ["c96a24e0b8", "ines.varga@example.org", "Ines Varga", "3", "Calendar integration stopped working after the Outlook update, events are gone", "2026-11-13 15:19:44", "Team", "Hungary", "Email", "Desktop", "HU"],
    ]
    r = rows[4]
    bad = ",".join(r[:4]) + ',"' + r[4] + "," + ",".join(r[5:])
    emit("edge/unterminated_quote_at_end_delighted.csv", "delighted", "utf-8", ",", "\n", True, [DELIGHTED_HEADER], rows, 0, 4,
         "last row's Comment opens a quote that is never closed (EOF inside quotes)", raw={4: bad})

    # --- empty / header only
    emit("edge/empty.csv", None, "utf-8", ",", "\n", False, [], [], None, None, "zero bytes")
    emit("edge/header_only_delighted.csv", "delighted", "utf-8", ",", "\n", True, [DELIGHTED_HEADER], [], 0, 4,
         "header line + newline, no data rows")

    # --- unknown in-house tool
    h = [["feedback_uid", "submitted_on", "customer_tier", "feedback_body", "rating_1_to_5"]]
    rows = [
        ["fb-000812", "2026-10-20T10:00:00Z", "team", "Sync between the web app and my phone is slow, sometimes minutes.", "3"],
        ["fb-000847", "2026-10-23T15:42:10Z", "business", "Our CSV export is missing the Assignee column again.", "2"],
        ["fb-000903", "2026-11-02T09:05:33Z", "free", "Easy to use and the interface is clean. Love it!", "5"],
        ["fb-000958", "2026-11-09T13:27:48Z", "team", "Calendar integration stopped working, Google Calendar is empty.", "2"],
        ["fb-001004", "2026-11-13T17:55:02Z", "team", "The app crashes on startup after the update, iPhone 15.", "1"],
    ]
    emit("edge/unknown_tool.csv", None, "utf-8", ",", "\n", True, h, rows, 0, 3,
         "unrecognised header (no fingerprint); ISO-8601 `…Z` dates")

    # --- ragged rows
    rows = [
        ["b1e4c7a902", "amara.chen@example.com", "Amara Chen", "10", "Great support agent, Aiko answered within the hour.", "2026-10-09 12:30:45", "Team", "Singapore", "Email", "Desktop", "SG"],
        ["6c0a9d3e5f", "ben.mensah@example.net", "Ben Mensah", "5", "Login with Google SSO fails every few days.", "2026-10-15 08:12:07", "Business", "Ghana", "Web", "Desktop", "GH"],
        ["7c1e0a9b3f", "owen.quist@example.org", "Owen Quist", "6", "Sync is slow between my phone and laptop.", "2026-10-22 13:05:17", "Team", "Norway", "Email", "Mobile", "NO"],
        ["d83f2b6a14", "sofia.alves@example.com", "Sofia Alves", "3", "Refund not received after being double charged.", "2026-11-02 19:48:26", "Team", "Brazil", "Email", "Desktop", "BR"],
        ["4a7e9c1d0b", "zain.farouk@example.net", "Zain Farouk", "8", "Good app, but pricing is too expensive for small teams.", "2026-11-06 10:01:39", "Free", "Egypt", "Link", "Mobile", "EG"],
        ["f2d6b8e0c3", "vera.larsen@example.org", "Vera Larsen", "2", "The Android app crashes on startup since 5.2.0.", "2026-11-11 21:14:52", "Team", "Denmark", "Email", "Mobile", "DK"],
    ]
    raw = {2: ",".join(rows[2][:6]),                      # row 3: truncated, 6 of 11 fields
           4: ",".join(rows[4])}                          # row 5: unquoted comma in Comment -> 12 fields
    assert raw[4].count(",") == 11
    emit("edge/ragged_rows_delighted.csv", "delighted", "utf-8", ",", "\n", True, [DELIGHTED_HEADER], rows, 0, 4,
         "row 3 has 6 of 11 fields; row 5 has 12 (unquoted comma in Comment)", raw=raw)

# ================================================================== C. mapped
def mapped_file():
    name = "app_reviews_2026"
    rng = rng_for(name)
    recs = make_records(name, 20, "review")
    titles = {"crash": ["Crashes on launch", "Unusable after update", "Keeps crashing", "Won't open"],
              "praise": ["Love it", "Clean and simple", "Great app", "Easy to use"], "sync": ["Sync is slow", "Out of sync"],
              "login": ["Can't log in", "2FA problems"], "billing": ["Double charged", "Where is my refund"],
              "export": ["Export broken"], "support": ["Support never answers"], "pricing": ["Too expensive"],
              "calendar": ["Calendar broken", "Calendar sync stopped"]}
    countries = ["USA", "USA", "GBR", "DEU", "CAN", "AUS", "IND", "FRA", "NLD", "BRA", "SWE"]
    rows = []
    for r in recs:
        t = r["themes"][0]
        ver = r["ctx"]["ver"] if "ctx" in r else NEW_VERSION
        rows.append(["rv_" + tok(rng, 12, "0123456789abcdef"), r["when"].strftime("%d/%m/%Y %H:%M"),
                     str(five_score(rng, r["themes"])), rng.choice(titles[t]) if rng.random() < 0.7 else "",
                     r["text"], ver, rng.choice(countries)])
    days = [int(x[1][:2]) for x in rows]
    assert any(d > 12 for d in days) and any(d <= 12 for d in days)
    log_themes(recs)
    emit(f"mapped/{name}.csv", None, "utf-8", ",", "\n", True,
         [["review_id", "posted", "stars", "title", "body", "app_version", "country"]], rows, 0, 4,
         "needs a user column mapping; day-first `dd/MM/yyyy HH:mm` (some days > 12, some ≤ 12); 1–5 stars; ISO alpha-3 country")

# ================================================================== D. manifest + README
GUESSES = [
    "Qualtrics row 3 after `_recordId` (the doc truncates it): `recipientLastName` … `userLanguage`, then "
    "`QID1`, `QID1_NPS_GROUP`, `QID2_TEXT` and `Plan` for embedded data. Row-2 label of embedded data = its name. "
    "`Status` text `IP Address` / `Survey Preview`; `DistributionChannel` `anonymous` / `email` / `preview`.",
    "Qualtrics legacy: LF line endings, `Status` `0`, `ResponseSet` `Default Response Set`, `Name` `Anonymous`, "
    "`LocationAccuracy` `-1`, no time zone anywhere; the two row-2 question labels are kept verbatim from the doc.",
    "SurveyMonkey: row 2 is empty over the metadata columns; dates zero-padded `MM/DD/YYYY hh:mm:ss AM` "
    "(the doc marks the date format [MEM]); 9-digit Collector IDs; choice columns hold the choice label.",
    "Typeform: the second multi-select sits right after the first one's `Other`; `Other` cells hold the typed text; "
    "`Stage Date (UTC)` equals the submit time, `Submit Date (UTC)` is empty for `partial`; `Network ID` 10 hex chars.",
    "Google Forms: like a real Sheets download, the sample file has no final newline either.",
    "Zendesk: `Summation column` is a 1..N row counter; values `New/Open/Pending/Solved/Closed`, "
    "`Low/Normal/High/Urgent`, `Via` `Mail/Web form/Chat`; `Resolution time` in whole hours; dates "
    "`YYYY-MM-DD HH:MM:SS` (UTC); custom fields `Description [txt]` then `Product area [list]` (list value = its title).",
    "Delighted: the whole CSV header is unverified; `Delighted Source` `Email/Web/Link`, `Delighted Device Type` "
    "`Desktop/Mobile/Tablet`, `Delighted Country` ISO alpha-2; `Country` is a customer property (country name).",
    "Microsoft Forms: dates use the doc's `M/d/yyyy H:mm` shape but lie in Oct–Nov 2026 like everything else; "
    "`Name` empty when `Email` is `anonymous`.",
    "Semicolon file: kept ASCII/UTF-8 and ISO dates so that only the delimiter differs (a real European Excel "
    "re-save would probably also be Windows-1252 with rewritten dates). UTF-16 files keep `,` (Excel's "
    "\"Unicode Text\" would be tab-separated).",
]

def write_docs():
    with open(os.path.join(OUT, "MANIFEST.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(MANIFEST, f, ensure_ascii=False, indent=2)
        f.write("\n")
    def cell(s):
        return str(s).replace("|", "\\|")
    lines = [
        "# Earshot test fixtures",
        "",
        "Provenance: every file here is **synthetic**. The feedback text, names, ticket bodies and IDs were",
        "written for this project about a fictional product, *Tandem* (a team project-management SaaS with",
        "web, iOS and Android apps). Nothing was copied from real exports or from `../shared/data`.",
        "There is no real personal data: e-mail addresses use the reserved `example.com/.org/.net` and",
        "`*.example` domains, IP addresses are from the documentation ranges (192.0.2.0/24, 198.51.100.0/24,",
        "203.0.113.0/24), and the strings `jane.doe@example.com` and `+1 415 555 0134` in some free-text",
        "answers are fake and exist only to test redaction. Hostile strings (`<script>alert(1)</script>`,",
        "`<img src=x onerror=alert(1)>`, a cell starting `=HYPERLINK(\"http://evil\")`, cells starting `@handle` and `+1`)",
        "are there on purpose to test escaping.",
        "",
        "Header rows follow the project's `EXPORT-FORMATS.md` (shared docs), verbatim where it gives them.",
        "All files are generated deterministically (fixed seed) by a Python script kept outside the",
        "repository; **do not edit by hand**: the bytes (BOMs, CRLF, encodings, missing final newlines) are",
        "the point. `MANIFEST.json` holds the facts tests assert; it was computed by the same script.",
        "Physical line numbers (`badRows`) count from 1 at the first header line. `dataRows` is the number",
        "of rows the file *intends* (for Qualtrics it includes the `Survey Preview` row, see `previewRows`).",
        "`firstText` is the free-text answer / ticket body of the first data row, exactly as the CSV cell",
        "decodes. `firstId`/`lastId` are `null` where the tool has no ID column (Google Forms).",
        "`lineEnding` is the record terminator; newlines *inside* quoted cells are bare LF (one Zendesk",
        "sample ticket has CRLF inside its quoted body).",
        "",
        "The dataset in `sample/` covers 2026-10-05 … 2026-11-15 (ISO weeks 2026-W41 … W46), every week.",
        "Times are kept away from week edges (Monday ≥ 10:00, Sunday ≤ 13:59 local) and from DST folds, so",
        "the ISO week of a record does not depend on the time zone it is read in.",
        "",
        "| file | tool | encoding | delimiter | line endings | header rows | data rows | quirk covered |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for e, (path, tl, quirk) in zip(MANIFEST, README):
        le = {"crlf": "CRLF", "lf": "LF", None: "—"}[e["lineEnding"]]
        if e["lineEnding"] and not e["finalNewline"]:
            le += ", no final newline"
        d = {",": "`,`", ";": "`;`", None: "—"}[e["delimiter"]]
        dr = str(e["dataRows"]) + (f" (incl. {e['previewRows']} preview)" if e.get("previewRows") else "")
        if e.get("badRows"):
            dr += f"; bad at line {', '.join(map(str, e['badRows']))}"
        lines.append(f"| `{path}` | {cell(tl)} | {e['encoding']} | {d} | {le} | {e['headerRows']} | {dr} | {cell(quirk)} |")
    # theme plan
    crash = [THEME_LOG[(w, "crash")] for w in range(NWEEKS)]
    cal = [THEME_LOG[(w, "calendar")] for w in range(NWEEKS)]
    assert crash[5] >= 2 * max(crash[:5]), crash
    assert cal[:4] == [0, 0, 0, 0] and min(cal[4:]) > 0, cal
    lines += ["", "## Theme plan of the sample dataset", "",
              "Counts of the themes each text was written around (a text can carry two), over `sample/` and",
              "`mapped/`. Crashes rise sharply in W46 (the fictional 5.2.0 mobile release) and the calendar",
              "integration theme exists only in W45–W46. Keyword detection will not match these counts exactly.", "",
              "| theme | " + " | ".join(f"W{41 + w}" for w in range(NWEEKS)) + " |",
              "|---|" + "---|" * NWEEKS]
    for t in THEMES:
        lines.append(f"| {t} | " + " | ".join(str(THEME_LOG[(w, t)]) for w in range(NWEEKS)) + " |")
    lines += ["", "## Where EXPORT-FORMATS.md is silent (choices made here)", ""] + [f"- {g}" for g in GUESSES] + [""]
    # keep the section Scripts/fixturegen/tools.py maintains (Fixtures/tools)
    readme = os.path.join(OUT, "README.md")
    begin, end = "<!-- tools.py:begin", "<!-- tools.py:end -->"
    old = open(readme, encoding="utf-8").read() if os.path.exists(readme) else ""
    if begin in old and end in old:
        lines += [old[old.index(begin):old.index(end) + len(end)], ""]
    with open(readme, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))

def main():
    if os.path.isdir(OUT):
        for sub in ("sample", "edge", "mapped"):
            shutil.rmtree(os.path.join(OUT, sub), ignore_errors=True)
    os.makedirs(OUT, exist_ok=True)
    qualtrics_sample(); surveymonkey_sample(); typeform_sample(); googleforms_sample(); zendesk_sample(); delighted_sample()
    edge_files()
    mapped_file()
    write_docs()
    print("ok", len(MANIFEST), "files")

if __name__ == "__main__":
    main()
