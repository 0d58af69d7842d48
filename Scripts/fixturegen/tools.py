#!/usr/bin/env python3
"""Deterministic generator for Fixtures/tools: one export per feedback/support tool, in that tool's
real layout (EXPORT-FORMATS.md), plus EXPECTED.json (what normalization must produce) and the
"tools" section of Fixtures/README.md.

Run:   python3 Scripts/fixturegen/tools.py Fixtures
Check: python3 Scripts/fixturegen/tools_check.py Fixtures

Stdlib only, fixed seed. Every customer text below was written for Earshot about the fictional
B2B SaaS "Tandem" (project and time tracking). All personal data is fake: example.* domains,
the Ofcom drama number +44 20 7946 0958, the Visa test card 4111 1111 1111 1111 and the
documentation IBAN GB82 WEST 1234 5698 7654 32.
"""
import sys, os, io, csv, json, random, string, uuid, datetime as dt
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import encode, decode   # the house encoders (BOMs, UTF-16, cp1252)

SEED = 20261109
BERLIN = ZoneInfo("Europe/Berlin")      # the workspace source zone the Swift tests set
UTC = dt.timezone.utc
OUT = os.path.join(sys.argv[1] if len(sys.argv) > 1 else "Fixtures", "tools")
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
HEX = "0123456789abcdef"
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase

EXPECTED = []
README_ROWS = []


def rng_for(name):
    return random.Random(f"{SEED}:{name}")


def T(s):
    """'2026-10-14 10:12[:33]' -> naive datetime."""
    return dt.datetime.fromisoformat(s)


def berlin_to_utc(t):
    a = t.replace(tzinfo=BERLIN, fold=0).astimezone(UTC)
    b = t.replace(tzinfo=BERLIN, fold=1).astimezone(UTC)
    assert a == b, f"{t} is in a DST gap or fold"
    return a


def iso_z(u):
    return u.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def hexid(r, n):
    return "".join(r.choice(HEX) for _ in range(n))


def uuid_from(r):
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


# ----------------------------------------------------------------------------- formats
def fmt_dmy_hm(t):            # Freshdesk 14/10/2026 10:12
    return t.strftime("%d/%m/%Y %H:%M")


def fmt_jira(t):              # Jira 22/Sep/25 9:26 AM
    h = t.hour % 12 or 12
    return f"{t.day:02d}/{MON[t.month - 1]}/{t.year % 100:02d} {h}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def fmt_us_ampm(t):           # Salesforce report 11/3/2026 9:05 AM
    h = t.hour % 12 or 12
    return f"{t.month}/{t.day}/{t.year} {h}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def fmt_us_24(t):             # Excel re-save 11/13/2026 16:05
    return f"{t.month}/{t.day}/{t.year} {t.hour}:{t.minute:02d}"


def fmt_sql(t, seconds=True):  # 2026-11-03 09:12:44 / 2026-11-03 09:12
    return t.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def millis(u, r):
    return str(int(u.replace(tzinfo=UTC).timestamp()) * 1000 + r.randrange(1000))


# ----------------------------------------------------------------------------- CSV rendering
class Q(str):
    """A cell that is always quoted, even when it needs no quotes."""


def qcell(v, quote_all):
    v = "" if v is None else v
    if quote_all or isinstance(v, Q) or any(c in v for c in ',"\n\r'):
        return '"' + v.replace('"', '""') + '"'
    return v


def render(header, rows, eol, quote_all=False, tail=()):
    lines = [",".join(qcell(c, quote_all) for c in r) for r in [header] + rows] + list(tail)
    return eol.join(lines) + eol


# ----------------------------------------------------------------------------- expectations
def sample(sid, created_utc, *, score=None, scale=None, title=None, contains=(), excludes=(), reply=()):
    return {"sourceID": sid, "createdAtUTC": iso_z(created_utc), "score": score,
            "scale": scale if score is not None else None, "title": title or None,
            "textContains": list(contains), "textExcludes": list(excludes), "replyContains": list(reply)}


def emit(name, tool, enc, eol, header, rows, records, samples, confidence, quirk, quote_all=False, tail=(),
         extra=None):
    text = render(header, rows, eol, quote_all, tail)
    data = encode(text, enc)
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    # round trip through Python's csv module
    back = list(csv.reader(io.StringIO(decode(data, enc), newline="")))
    assert back[0] == header, name
    assert back[1:1 + len(rows)] == rows, name
    assert all(len(r) == len(header) for r in rows), name
    assert len(samples) >= 3, name
    e = {"file": name, "tool": tool, "encoding": enc, "headerRows": 1, "dataRows": len(rows),
         "records": records, "samples": samples}
    if extra:
        e.update(extra)
    EXPECTED.append(e)
    README_ROWS.append((name, tool, enc, "CRLF" if eol == "\r\n" else "LF", len(rows), records, confidence, quirk))


# ============================================================================= Freshdesk
FRESHDESK_HEADER = ("Ticket ID,Subject,Status,Priority,Source,Type,Agent,Group,Created time,Due by Time,"
                    "Resolved time,Closed time,Last update time,Initial response time,Time tracked,"
                    "First response time (in hrs),Resolution time (in hrs),Agent interactions,Customer interactions,"
                    "Resolution status,First response status,Tags,Survey results,Association type,Product,"
                    "Every response status,Full name,Contact ID,Company Name").split(",")


def hms(delta):
    s = int(delta.total_seconds())
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def freshdesk():
    r = rng_for("freshdesk")
    T_ = [
        dict(id="4781", at="2026-10-14 10:12", subj="Invoice PDF shows wrong VAT rate", status="Resolved",
             prio="High", src="Email", typ="Incident", agent="Priya Raman", group="Billing", tags="billing,invoices",
             who=("Jane Doe", "Acme Interiors"),
             text="Hi,\nThe invoice PDFs generated since the October update show 19% VAT for our UK clients instead "
                  "of 20%. We've already sent three of them out, which is embarrassing.\nCan you tell me how to "
                  "regenerate them?\n\nThanks,\nJane\n--\nJane Doe\nHead of Ops, Acme Interiors\n+44 20 7946 0958",
             s=dict(contains=["show 19% VAT for our UK clients instead of 20%", "how to regenerate them?"],
                    excludes=["Jane Doe", "Head of Ops, Acme Interiors", "+44 20 7946 0958", "[phone]"])),
        dict(id="4790", at="2026-10-19 16:47", subj="Export to CSV missing billable column", status="Closed",
             prio="Medium", src="Portal", typ="Problem", agent="Marcus Hughes", group="Tier 1", tags="export",
             who=("Gustavo Ribeiro", "Orbit Creative"),
             text="When I export the \"Billable hours\" report to CSV, the column \"Billable\" is empty, even though "
                  "the web view shows it. Tried Chrome, Firefox and Safari.", survey="Just Okay"),
        dict(id="4796", at="2026-10-22 08:05", subj="Kalender-Sync funktioniert nicht", status="Resolved",
             prio="Medium", src="Email", typ="Incident", agent="Lena Fischer", group="Tier 1", tags="calendar,sync",
             who=("Lukas Berg", "Fjord & Pine"),
             text="Hallo,\nseit gestern werden meine Termine aus Outlook nicht mehr in Tandem angezeigt. Ich habe "
                  "die Verbindung schon zweimal getrennt und neu verbunden.\nViele Grüße\nLukas",
             s=dict(contains=["Termine aus Outlook nicht mehr in Tandem angezeigt"], excludes=[])),
        dict(id="4803", at="2026-10-26 09:30", subj="SSO login loop with Azure AD", status="Closed", prio="Urgent",
             src="Email", typ="Incident", agent="Aiko Sato", group="Tier 2", tags="sso,login",
             who=("Tom Becker", "Brightline GmbH"),
             text="After our IT team rotated the SAML certificate, everyone gets bounced back to the login page. "
                  "Error says \"Invalid SAML response\".\n\nBest regards,\nTom\n-- \nTom Becker | IT Lead | "
                  "Brightline GmbH\ntom.becker@brightline.example",
             s=dict(contains=["everyone gets bounced back to the login page", 'Error says "Invalid SAML response".'],
                    excludes=["IT Lead", "tom.becker@brightline.example", "[email]"])),
        dict(id="4811", at="2026-10-28 13:02", subj="Feature request: lock past timesheets", status="Open",
             prio="Low", src="Feedback Widget", typ="Feature Request", agent="", group="Product feedback",
             tags="timesheets,feature-request", who=("Amara Mensah", "Beacon Legal"),
             text="Would love a way to lock timesheets once they're approved.\nRight now people can:\n- edit last "
                  "month's hours\n- delete entries\n- move time between projects\nwhich messes up invoices we've "
                  "already sent."),
        dict(id="4815", at="2026-10-30 11:20", subj="Seats not reduced after removing users", status="Pending",
             prio="Medium", src="Email", typ="Question", agent="Priya Raman", group="Billing", tags="billing,seats",
             who=("Sven Larsen", "Saltmarsh Games"),
             text="We removed 5 users on 28/10 but the invoice still charges for 25 seats. Who do I talk to about a "
                  "credit?", survey="Just Okay"),
        dict(id="4822", at="2026-11-02 07:58", subj="Charged twice for November", status="Resolved", prio="High",
             src="Phone", typ="Incident", agent="Priya Raman", group="Billing", tags="billing,refund",
             who=("Keiko Tanaka", "Quill & Co"),
             text="We were billed twice on 1 Nov, two charges of £240.00 on the card ending 1111. Our finance team "
                  "insists I send the full number so here it is: 4111 1111 1111 1111. Please refund one of them.",
             s=dict(contains=["We were billed twice on 1 Nov, two charges of", "so here it is: [card]. Please refund one of them."],
                    excludes=["4111 1111 1111 1111"])),
        dict(id="4830", at="2026-11-03 08:40", subj="Re: Timer stops when phone locks", status="Open",
             prio="High", src="Email", typ="Problem", agent="Devon Walsh", group="Mobile", tags="mobile,ios,timer",
             who=("Marek Novak", "Riverbend Builders"),
             text="Still happening on 5.2.0, I'm afraid. I started the timer at 9, locked my phone, and when I opened "
                  "it again at 11 it showed 0:04.\nI've reinstalled twice.\n\nOn Mon, 2 Nov 2026 at 09:12, Tandem "
                  "Support <support@tandem.example> wrote:\n> Hi Marek,\n> Could you update to 5.2.0 and let us "
                  "know if the timer still stops?\n> Best, Devon",
             s=dict(contains=["when I opened it again at 11 it showed 0:04", "I've reinstalled twice."],
                    excludes=["wrote:", "Could you update to 5.2.0", "support@tandem.example", "Best, Devon"])),
        dict(id="4838", at="2026-11-05 12:15", subj="Can't approve timesheets on mobile", status="Resolved",
             prio="Urgent", src="Email", typ="Incident", agent="Devon Walsh", group="Mobile", tags="mobile,timesheets",
             who=("Farah Haddad", "Maple Street Dental"),
             text="The Approve button on the timesheet screen does nothing on iOS. I have 14 people waiting for "
                  "approval before payroll closes tomorrow!!\n\nSent from my iPhone", survey="Not Good",
             s=dict(contains=["waiting for approval before payroll closes tomorrow!!"],
                    excludes=["Sent from my iPhone"])),
        dict(id="4841", at="2026-11-05 17:33", subj="mobile app crashs on start", status="Open", prio="High",
             src="Chat", typ="Problem", agent="Devon Walsh", group="Mobile", tags="mobile,android,crash",
             who=("Liam Walsh", ""),
             text="app crashs everytime i open it on my pixel 8 since the update yesterday. cant log any time at all"),
        dict(id="4847", at="2026-11-09 10:01", subj="Facture en double", status="Waiting on Customer",
             prio="Medium", src="Email", typ="Question", agent="Lena Fischer", group="Billing", tags="billing,invoices",
             who=("Ines Dubois", "Lumen Events"),
             text="Bonjour, nous avons reçu deux factures pour le même mois. Pouvez-vous vérifier ? Merci"),
        dict(id="4853", at="2026-11-11 15:44", subj="Thank you!", status="Closed", prio="Low", src="Portal",
             typ="Question", agent="Marcus Hughes", group="Tier 1", tags="praise,reports",
             who=("Olivia Brennan", "Pebble Analytics"),
             text="Just wanted to say the new weekly report export is exactly what we needed 🙌 Saved me an hour "
                  "every Friday.", survey="Awesome",
             s=dict(contains=["exactly what we needed 🙌 Saved me an hour every Friday."], excludes=[])),
    ]
    rows, samples = [], []
    for t in T_:
        c = T(t["at"])
        first = c + dt.timedelta(minutes=r.randint(12, 300))
        done = t["status"] in ("Resolved", "Closed")
        resolved = first + dt.timedelta(hours=r.randint(2, 40), minutes=r.randrange(60)) if done else None
        closed = resolved + dt.timedelta(hours=r.randint(1, 48)) if t["status"] == "Closed" else None
        last = max(x for x in (first, resolved, closed) if x) + dt.timedelta(minutes=r.randint(1, 90))
        due = c + dt.timedelta(hours={"Urgent": 4, "High": 8, "Medium": 24, "Low": 72}[t["prio"]])
        frt_ok = (first - c) <= dt.timedelta(hours=4)
        row = [t["id"], t["subj"], t["text"], t["status"], t["prio"], t["src"], t["typ"], t["agent"], t["group"],
               fmt_dmy_hm(c), fmt_dmy_hm(due), fmt_dmy_hm(resolved) if resolved else "",
               fmt_dmy_hm(closed) if closed else "", fmt_dmy_hm(last), fmt_dmy_hm(first),
               r.choice(["0:00", "0:00", "0:15", "1:10"]), hms(first - c) if r.random() < 0.7 else "",
               hms(resolved - c) if resolved and r.random() < 0.7 else "", str(r.randint(1, 4)),
               str(r.randint(1, 5)), ("Within SLA" if resolved <= due else "SLA Violated") if resolved else "",
               "Within SLA" if frt_ok else "SLA Violated", t["tags"], t.get("survey", ""), "", "Tandem",
               "Within SLA" if frt_ok else "SLA Violated", t["who"][0], str(103004500000 + r.randrange(99999)),
               t["who"][1]]
        rows.append(row)
        if "s" in t:
            samples.append(sample(t["id"], berlin_to_utc(c), title=t["subj"], contains=t["s"]["contains"],
                                  excludes=t["s"]["excludes"]))
    FD = FRESHDESK_HEADER[:]
    FD.insert(FD.index("Subject") + 1, "Description")
    emit("freshdesk_tickets.csv", "freshdesk", "utf-8", "\r\n", FD, rows, len(rows), samples,
         "verbatim header from a real export + `Description` from Freshdesk's own field list",
         "day-first `dd/MM/yyyy HH:mm`, no zone (days > 12, CEST and CET); `Description` after `Subject` with a "
         "`--` signature, a `-- ` signature, an `On … wrote:` quoted block and `Sent from my iPhone`; card number; "
         "`Tags` `billing,mobile` in one cell; custom status `Waiting on Customer`; `H:MM:SS` durations; CRLF")


# ============================================================================= Intercom (IntercomExport)
INTERCOM_HEADER = ("message_id,message_body,message_type,message_created_at,message_author_type,message_author_id,"
                   "message_author_user_id,message_author_name,message_author_email,message_author_companies,"
                   "conversation_tags,conversation_id,conversation_state,conversation_created_at,"
                   "conversation_first_response_at,conversation_closed_at,app_id,app_name").split(",")
ADMINS = {"Priya Raman": "4127701", "Marcus Hughes": "4127702", "Lena Fischer": "4127705", "Devon Walsh": "4127709"}


def intercom():
    r = rng_for("intercom")
    U, A = "user", "admin"
    convs = [
        dict(id="215470391228", state="closed", tags="calendar,integrations",
             user=("Sam Keller", "sam.keller@orbit.example", "Orbit Creative"), admin="Lena Fischer",
             msgs=[(U, "2026-11-02 08:15:03", "<p>Hi! Our calendar sync with Google stopped on Friday &amp; now none "
                    "of the meetings show up in my timesheet.</p><p>Is there an outage?</p>"),
                   (A, "2026-11-02 08:21:40", "<p>Hi Sam, thanks for flagging this. There was a Google API change on "
                    "Friday &amp; we shipped a fix this morning.<br>Could you disconnect and reconnect the calendar "
                    "under Settings → Integrations?</p>"),
                   (U, "2026-11-02 08:34:12", "<p>That worked, thanks!! 🎉</p>")],
             s=dict(contains=["stopped on Friday & now none of the meetings show up in my timesheet.",
                              "Is there an outage?", "That worked, thanks!! 🎉"],
                    excludes=["<p>", "&amp;", "we shipped a fix this morning"],
                    reply=["we shipped a fix this morning.", "disconnect and reconnect the calendar"])),
        dict(id="215470398817", state="closed", tags="billing",
             user=("Hana Schulz", "hana.schulz@quill.example", "Quill & Co,Quill Holdings"), admin="Priya Raman",
             msgs=[(U, "2026-11-03 10:02:51", "<p>Please send the invoice copies to jane.doe@example.com instead of "
                    "me, she handles accounts now.</p>"),
                   (A, "2026-11-03 10:19:07", "<p>Done! Future invoices will go to the new billing contact.</p>"),
                   (U, "2026-11-03 10:20:30", "<p>great, cheers</p>")],
             s=dict(contains=["send the invoice copies to [email] instead of me", "great, cheers"],
                    excludes=["jane.doe@example.com", "<p>"], reply=["Future invoices will go to the new billing contact."])),
        dict(id="215470412064", state="open", tags="mobile,ios,widget",
             user=("Rahul Iyer", "rahul@helix.example", "Helix Robotics"), admin="Devon Walsh",
             msgs=[(U, "2026-11-04 16:44:09", "<p>The iOS widget shows yesterday&#39;s total, not today&#39;s.</p>"),
                   (U, "2026-11-04 16:45:55", "<p>Also the Apple Watch app doesn&#39;t start the timer<br>it just "
                    "spins</p>"),
                   (A, "2026-11-04 17:30:18", "<p>Thanks for the details, I&#39;ve passed both to our mobile "
                    "team.</p>"),
                   (A, "2026-11-06 09:05:00", "<p>Quick update: fixed in 5.2.1, rolling out today.</p>")],
             s=dict(contains=["The iOS widget shows yesterday's total, not today's.",
                              "Also the Apple Watch app doesn't start the timer"],
                    excludes=["&#39;", "<br>", "passed both to our mobile team"],
                    reply=["I've passed both to our mobile team.", "fixed in 5.2.1, rolling out today"])),
        dict(id="215470420553", state="closed", tags="export,reports",
             user=("Pablo Delgado", "pablo.delgado@tallgrass.example", "Tallgrass Farms"), admin="Marcus Hughes",
             msgs=[(U, "2026-11-05 13:12:44", "<p>Hola, ¿cómo exporto las horas de un proyecto a Excel?</p>"),
                   (A, "2026-11-05 13:20:02", "<p>¡Hola! En Informes &gt; Exportar puedes elegir CSV o XLSX.</p>"),
                   (U, "2026-11-05 13:25:37", "<p>¡Perfecto, gracias!</p>")],
             s=dict(contains=["¿cómo exporto las horas de un proyecto a Excel?", "¡Perfecto, gracias!"],
                    excludes=["puedes elegir"], reply=["En Informes > Exportar puedes elegir CSV o XLSX."])),
        dict(id="215470433910", state="snoozed", tags="pricing,billing",
             user=("Tara Osei", "tara@copperkettle.example", "Copper Kettle Coffee"), admin="Priya Raman",
             msgs=[(U, "2026-11-09 07:48:26", "<p>Why did our price go up from $8 to $10 per seat without any "
                    "notice? That&#39;s a 25% increase.</p>"),
                   (A, "2026-11-09 08:03:11", "<p>I&#39;m sorry about that, the notice went out on Sept 30 by email. "
                    "I can apply the old rate until your renewal.</p>"),
                   (U, "2026-11-09 08:10:49", "<p>ok, please do. But &quot;notice&quot; in a newsletter isn&#39;t "
                    "really notice.</p>")],
             s=dict(contains=["from $8 to $10 per seat without any notice? That's a 25% increase.",
                              "But \"notice\" in a newsletter isn't really notice."],
                    excludes=["&quot;", "apply the old rate"], reply=["I can apply the old rate until your renewal."])),
        dict(id="215470447302", state="open", tags="performance,reports",
             user=("Emeka Chen", "emeka.chen@pebble.example", "Pebble Analytics"), admin="Marcus Hughes",
             msgs=[(U, "2026-11-12 14:03:19", "<p>Reports page is super slow, takes &gt;30s to load for our workspace "
                    "(about 40 projects).</p>"),
                   (A, "2026-11-12 14:40:55", "<p>Thanks, we&#39;re looking into it. Could you tell me which report "
                    "and date range you use?</p>")]),
    ]
    rows, samples, mid = [], [], 30417220110
    for c in convs:
        times = [T(m[1]) for m in c["msgs"]]
        assert times == sorted(times)
        created = times[0]
        first_resp = next(t for (kind, _, _), t in zip(c["msgs"], times) if kind == A)
        closed = fmt_sql(times[-1] + dt.timedelta(minutes=r.randint(5, 60))) if c["state"] == "closed" else ""
        user_id = "usr_" + hexid(r, 12)
        contact_id = "6" + hexid(r, 23)
        for i, ((kind, at, body), t) in enumerate(zip(c["msgs"], times)):
            mid += r.randint(3, 900)
            if kind == U:
                author = [kind, contact_id, user_id, c["user"][0], c["user"][1], c["user"][2]]
            else:
                author = [kind, ADMINS[c["admin"]], "", c["admin"], c["admin"].split()[0].lower() + "@tandem.example", ""]
            rows.append([str(mid), body, "conversation" if i == 0 else "comment", at] + author +
                        [c["tags"], c["id"], c["state"], fmt_sql(created), fmt_sql(first_resp), closed,
                         "q7x2m9kd", "Tandem"])
        if "s" in c:
            s = c["s"]
            samples.append(sample(c["id"], created.replace(tzinfo=UTC), contains=s["contains"],
                                  excludes=s["excludes"], reply=s["reply"]))
    emit("intercom_conversations.csv", "intercom", "utf-8", "\n", INTERCOM_HEADER, rows, len(convs), samples,
         "layout from docs only (third-party IntercomExport)",
         f"one row per message ({len(rows)} rows, {len(convs)} conversations, 2–4 messages each) to merge on `conversation_id`: `user` "
         "messages = text, `admin` = reply; HTML bodies (`<p>`, `<br>`, `&amp;`, `&#39;`, `&quot;`, `&gt;`); "
         "two user messages in a row; UTC `YYYY-MM-DD HH:MM:SS`; comma-joined tags and companies")


# ============================================================================= Help Scout
HELPSCOUT_HEADER = ("Conversation ID,Number,Subject,Preview,Status,Mailbox,Customer Name,Customer Email,Assigned To,"
                    "Tags,Type,Created At,Modified At,Closed At").split(",")


def helpscout():
    r = rng_for("helpscout")
    C = [
        ("2026-10-20T07:31:09Z", "Refund request", "Hi, we cancelled on the 1st but got charged for another month. "
         "Could you refund it please?\n\nSent from my iPhone", "closed", "Billing", "billing, refund", "email",
         dict(contains=["we cancelled on the 1st but got charged for another month", "Could you refund it please?"],
              excludes=["Sent from my iPhone"])),
        ("2026-10-22T13:05:51Z", "Outlook add-in", "The Outlook add-in doesn't show up in the new Outlook for "
         "Windows, only in the classic one.", "closed", "Support", "integrations, outlook", "email", None),
        ("2026-10-27T06:12:40Z", "Timesheet reminders at 3am", "Since the clocks changed, the daily timesheet "
         "reminder arrives at 3am instead of 5pm. Pretty sure it's a time zone thing.", "pending", "Support",
         "notifications", "email", dict(contains=["the daily timesheet reminder arrives at 3am instead of 5pm."],
                                         excludes=[])),
        ("2026-10-29T15:48:02Z", "Love the new reports", "The new utilisation report is brilliant, our PMs finally "
         "stopped asking me for spreadsheets 😄", "closed", "Support", "praise", "chat", None),
        ("2026-11-02T09:20:33Z", "Can't add a new client", "Clicking \"Add client\" opens an empty modal, no fields "
         "at all. Tried in Edge and Chrome.", "active", "Support", "bug, clients", "chat", None),
        ("2026-11-03T09:12:44Z", "Timer keeps running on phone", "The timer on my phone keeps running after I stop "
         "it in the browser, so I end up with double entries.\n\nSent from my Android", "active", "Support",
         "mobile, android, sync", "email",
         dict(contains=["so I end up with double entries."], excludes=["Sent from my Android"])),
        ("2026-11-05T11:27:18Z", "Urenregistratie exporteren", "Hoi, kan ik de uren per medewerker exporteren naar "
         "Excel? Ik zie alleen een export per project.", "closed", "Support", "export", "email", None),
        ("2026-11-09T17:55:06Z", "Upgrade to Business", "We'd like to move from the Team plan to Business but keep "
         "our annual billing date. Also, does Business include SAML SSO with Okta or only Google? And is there a "
         "disc…", "pending", "Billing", "billing, upgrade, sso", "email",
         dict(contains=["does Business include SAML SSO with Okta or only Google?"], excludes=[])),
        ("2026-11-10T08:03:59Z", "Calendar sync duplicates", "Every meeting from Google Calendar shows up twice in my "
         "timeline since Monday.", "active", "Support", "calendar", "phone", None),
        ("2026-11-13T14:31:27Z", "Invoice address", "Can you add our VAT number to the invoices? It's "
         "DE123456789, the field in Settings doesn't save.", "closed", "Billing", "billing, invoices", "email", None),
    ]
    people = [("Chidi Okafor", "chidi.okafor@example.com"), ("Vera Lindqvist", "vera@fjordpine.example"),
              ("Nikhil Kaur", "nikhil.kaur@example.org"), ("Bianca Alves", "bianca@orbit.example"),
              ("Jonas Keller", "jonas.keller@example.net"), ("Maya Holm", "maya.holm@example.com"),
              ("Daan Varga", "daan.varga@example.org"), ("Zoe Marsh", "zoe@beaconlegal.example"),
              ("Yusuf Aydin", "yusuf.aydin@example.com"), ("Rosa Romero", "rosa@tallgrass.example")]
    rows, samples = [], []
    cid, num = 2741938475, 1517
    for (at, subj, prev, status, mbox, tags, typ, s), (name, mail) in zip(C, people):
        cid += r.randint(1000, 90000)
        num += r.randint(1, 40)
        created = dt.datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ")
        modified = created + dt.timedelta(hours=r.randint(1, 30), minutes=r.randrange(60), seconds=r.randrange(60))
        closed = modified if status == "closed" else None
        rows.append([str(cid), str(num), subj, prev, status, mbox, name, mail,
                     "" if status == "active" and r.random() < 0.5 else r.choice(list(ADMINS)), tags, typ, at,
                     iso_z(modified.replace(tzinfo=UTC)), iso_z(closed.replace(tzinfo=UTC)) if closed else ""])
        if s:
            samples.append(sample(str(cid), created.replace(tzinfo=UTC), title=subj, contains=s["contains"],
                                  excludes=s["excludes"]))
    emit("helpscout_conversations.csv", "helpscout", "utf-8", "\n", HELPSCOUT_HEADER, rows, len(rows), samples,
         "layout from docs only (header given by the brief, not documented)",
         "metadata export without threads: `Preview` is the only text (one cut off with `…`, two ending in "
         "`Sent from my iPhone/Android`); ISO `…Z` dates; `Tags` `billing, refund` with a space after the comma; "
         "empty `Closed At`/`Assigned To`")


# ============================================================================= Jira Service Management
JIRA_BASE = ("Summary,Issue key,Issue id,Issue Type,Status,Project key,Project name,Project type,Project lead,"
             "Project lead id,Project description,Priority,Resolution,Assignee,Assignee Id,Reporter,Reporter Id,"
             "Creator,Creator Id,Created,Updated,Last Viewed,Resolved,Due date,Votes,Description,Environment,Watchers,"
             "Watchers,Watchers,Watchers Id,Watchers Id,Watchers Id,Original estimate,Remaining Estimate,Time Spent,"
             "Work Ratio,Σ Original Estimate,Σ Remaining Estimate,Σ Time Spent,Security Level,Attachment,"
             "Custom field (Development),Custom field (Issue color),Custom field (Rank),Sprint,Custom field (Start date),"
             "Custom field (Story Points),Custom field (Story point estimate),Custom field (Team),"
             "Custom field (Vulnerability),Comment,Comment,Comment,Status Category,Status Category Changed").split(",")


def jira_header():
    h = JIRA_BASE[:]
    i = h.index("Attachment") + 1
    h[i:i] = ["Labels", "Labels"]
    h.insert(h.index("Custom field (Rank)") + 1, "Custom field (Request Type)")
    h.insert(h.index("Custom field (Vulnerability)") + 1, "Satisfaction")
    return h


def jira():
    r = rng_for("jira")
    agents = {n: hexid(r, 24) for n in ["Priya Raman", "Marcus Hughes", "Lena Fischer", "Devon Walsh", "Aiko Sato"]}
    lead = "Priya Raman"
    AG = "agent"
    I = [
        dict(key="TSD-2101", at="2026-10-16 09:26", summary="Invoices show wrong currency symbol",
             type="[System] Incident", status="Resolved", res="Done", prio="High", assignee="Priya Raman",
             reporter="Hannah Weiss", labels=["billing", "invoices"], rt="Report a problem", sat="4",
             text="Our invoices to Swiss clients show *€* instead of *CHF* since we switched the workspace currency.\n\n"
                  "h3. Steps\n# Set client currency to CHF\n# Create invoice\n# Download PDF\n\nExpected CHF, got €.",
             comments=[("2026-10-16 11:02", AG, "Hi [~accountid:{rep}], thanks for the report. Can you confirm the "
                        "client record shows CHF under *Billing settings*?"),
                       ("2026-10-16 13:47", "rep", "Yes, it shows CHF there; the invoice preview is right, only the "
                        "PDF is wrong."),
                       ("2026-10-19 10:15", AG, "Reproduced. A fix is scheduled for the 5.2 release.\n\n"
                        "{quote}only the PDF is wrong{quote}")],
             s=dict(contains=["the invoice preview is right, only the PDF is wrong.",
                              "since we switched the workspace currency."],
                    excludes=["Reproduced", "{rep}", "16/Oct/26 1:47 PM"],
                    reply=["A fix is scheduled for the 5.2 release.", "Can you confirm the client record shows CHF"])),
        dict(key="TSD-2104", at="2026-10-21 12:40", summary="SAML login fails for new employees",
             type="[System] Incident", status="Waiting for support", res="", prio="Highest", assignee="Aiko Sato",
             reporter="Marta Nowak", labels=["sso"], rt="Report a problem", sat="",
             text="New employees provisioned through Okta get \"User not found\" on first login. Existing users are "
                  "fine.\n\n--\nMarta Nowak\nIT Administrator, Greyhound Logistics\n+44 20 7946 0958",
             comments=[("2026-10-21 14:05", AG, "Could you send us a SAML trace of a failing login? Instructions: "
                        "[SAML tracer|https://help.tandem.example/saml-trace]"),
                       ("2026-10-22 08:31", "rep", "Attached the SAML trace from this morning.\n\n!saml-trace.png|"
                        "thumbnail!")],
             attach="saml-trace.png",
             s=dict(contains=["get \"User not found\" on first login.", "Attached the SAML trace from this morning."],
                    excludes=["Marta Nowak", "IT Administrator, Greyhound Logistics", "Could you send us a SAML trace"],
                    reply=["Could you send us a SAML trace of a failing login?"])),
        dict(key="TSD-2107", at="2026-10-27 00:15", summary="Android app drains battery", type="[System] Incident",
             status="Waiting for support", res="", prio="Medium", assignee="", reporter="Kasia Kowalczyk",
             labels=[], rt="Report a problem", sat="",
             text="Since 5.1.3 the Android app uses ~30% battery overnight even when no timer is running. "
                  "Pixel 7a, Android 15.", comments=[],
             s=dict(contains=["uses ~30% battery overnight even when no timer is running."], excludes=[], reply=[])),
        dict(key="TSD-2110", at="2026-10-29 15:05", summary="Bulk edit of time entries",
             type="[System] Service request", status="Resolved", res="Done", prio="Low", assignee="Marcus Hughes",
             reporter="Gil Abbott", labels=["timesheets", "how-to"], rt="Ask a question", sat="5",
             text="{quote}As a PM I want to move 200 entries from one project to another{quote}\nIs there any way to "
                  "do this without editing each one?",
             comments=[("2026-10-29 16:20", AG, "You can select entries in *Timesheet > Bulk actions* and pick "
                        "\"Move to project\". Docs: [Bulk edit|https://help.tandem.example/bulk-edit]")]),
        dict(key="TSD-2112", at="2026-11-02 10:48", summary="Export to PDF cuts off long task names",
             type="[System] Incident", status="In Progress", res="", prio="Medium", assignee="Lena Fischer",
             reporter="Oksana Ivanova", labels=["export", "pdf"], rt="Report a problem", sat="",
             text="Task names longer than ~40 characters are cut off in the PDF export, e.g. \"Client onboarding – "
                  "phase 2 – workshops & fol\". CSV export is fine.",
             comments=[("2026-11-04 09:10", "rep", "Any news? Our month-end is on Friday."),
                       ("2026-11-04 09:55", AG, "Not yet, sorry, it's with the dev team. I'll update you by "
                        "Thursday."),
                       ("2026-11-04 10:02", "rep", "OK, we'll use CSV for now.")],
             s=dict(contains=["are cut off in the PDF export", "Any news? Our month-end is on Friday.",
                              "OK, we'll use CSV for now."],
                    excludes=["with the dev team"], reply=["it's with the dev team"])),
        dict(key="TSD-2113", at="2026-11-04 09:02", summary="Calendar sync creates entries for declined meetings",
             type="[System] Incident", status="Resolved", res="Won't Do", prio="Medium", assignee="Lena Fischer",
             reporter="Wen Nakamura", labels=["calendar", ""], rt="Report a problem", sat="2",
             text="Meetings I've declined in Google Calendar still turn into time entries. That's 3–4 fake hours a "
                  "week for me.",
             comments=[("2026-11-04 11:30", AG, "This is expected when 'Import all events' is enabled. Switch to "
                        "'Accepted events only' under *Integrations*.")],
             s=dict(contains=["Meetings I've declined in Google Calendar still turn into time entries."],
                    excludes=["Import all events"], reply=["Switch to 'Accepted events only'"])),
        dict(key="TSD-2115", at="2026-11-06 16:30", summary="Cannot remove former employee",
             type="[System] Service request", status="Resolved", res="Done", prio="Medium", assignee="Marcus Hughes",
             reporter="Noah Varga", labels=["users"], rt="Ask a question", sat="3",
             text="We can't deactivate a user who left; it says they own 3 projects. Transfer ownership button is "
                  "greyed out.",
             comments=[("2026-11-06 17:01", AG, "Only workspace owners can transfer projects. I've transferred them "
                        "to you, you can deactivate the user now.")]),
        dict(key="TSD-2116", at="2026-11-10 11:11", summary="Wrong overtime calculation", type="[System] Incident",
             status="Waiting for customer", res="", prio="High", assignee="Priya Raman", reporter="Ximena Castillo",
             labels=["timesheets", "overtime"], rt="Report a problem", sat="",
             text="Overtime for part-time staff is calculated against 40h instead of their contract hours.\n"
                  "{code}\nContract: 20h\nLogged: 24h\nOvertime shown: 0h (expected 4h)\n{code}",
             comments=[("2026-11-10 13:40", AG, "Which work schedule is assigned to the user under *People > "
                        "Schedules*?")]),
        dict(key="TSD-2117", at="2026-11-12 14:20", summary="Tradução incompleta", type="[System] Service request",
             status="Waiting for support", res="", prio="Low", assignee="", reporter="Pedro Alves",
             labels=["localization"], rt="Ask a question", sat="",
             text="Olá, a tradução para português do aplicativo está incompleta, vários botões aparecem em inglês.",
             comments=[]),
        dict(key="TSD-2118", at="2026-11-13 08:55", summary="Great support from Lena", type="[System] Service request",
             status="Resolved", res="Done", prio="Low", assignee="Lena Fischer", reporter="Freya Quist",
             labels=["praise"], rt="Ask a question", sat="5",
             text="Not a problem, just wanted to say Lena sorted our billing mix-up in 10 minutes. 👏",
             comments=[("2026-11-13 09:20", AG, "Thank you, Freya! I'll pass it on to the team.")],
             s=dict(contains=["Lena sorted our billing mix-up in 10 minutes. 👏"], excludes=["pass it on"],
                    reply=["I'll pass it on to the team."])),
    ]
    H = jira_header()
    rows, samples = [], []
    issue_id = 10940
    for it in I:
        issue_id += r.randint(3, 40)
        c = T(it["at"])
        rep_id = "712020:" + uuid_from(r)
        ag = it["assignee"] or r.choice(list(agents))
        ag_id = agents[ag]
        cells = []
        last = c
        for at, who, body in it["comments"]:
            ct = T(at)
            last = max(last, ct)
            aid = rep_id if who == "rep" else ag_id
            cells.append(f"{fmt_jira(ct)};{aid};{body.replace('{rep}', rep_id)}")
        done = it["status"] == "Resolved"
        resolved = last + dt.timedelta(hours=r.randint(1, 20)) if done else None
        updated = max(last, resolved or last) + dt.timedelta(minutes=r.randint(1, 50))
        watchers = [(it["reporter"], rep_id)] + ([(it["assignee"], ag_id)] if it["assignee"] else [])
        cat = "Done" if done else ("In Progress" if it["status"] == "In Progress" else "To Do")
        v = {
            "Summary": it["summary"], "Issue key": it["key"], "Issue id": str(issue_id), "Issue Type": it["type"],
            "Status": it["status"], "Project key": "TSD", "Project name": "Tandem Service Desk",
            "Project type": "service_desk", "Project lead": lead, "Project lead id": agents[lead],
            "Project description": "Customer support for Tandem (web, iOS, Android).", "Priority": it["prio"],
            "Resolution": it["res"], "Assignee": it["assignee"], "Assignee Id": ag_id if it["assignee"] else "",
            "Reporter": it["reporter"], "Reporter Id": rep_id, "Creator": it["reporter"], "Creator Id": rep_id,
            "Created": fmt_jira(c), "Updated": fmt_jira(updated),
            "Last Viewed": fmt_jira(updated + dt.timedelta(hours=r.randint(1, 9))) if r.random() < 0.6 else "",
            "Resolved": fmt_jira(resolved) if resolved else "", "Due date": "", "Votes": "0",
            "Description": it["text"].replace("{rep}", rep_id), "Environment": "",
            "Watchers": [w[0] for w in watchers], "Watchers Id": [w[1] for w in watchers],
            "Attachment": [f"{fmt_jira(T(it['comments'][-1][0]))};{rep_id};{it['attach']};"
                           f"https://tandem-support.atlassian.net/rest/api/3/attachment/content/{20400 + issue_id}"]
            if it.get("attach") else [],
            "Labels": [x for x in it["labels"] if x],
            "Custom field (Rank)": f"0|i00{r.randrange(36 ** 3):03x}:", "Custom field (Request Type)": it["rt"],
            "Satisfaction": it["sat"], "Comment": cells, "Status Category": cat,
            "Status Category Changed": fmt_jira(resolved or c),
        }
        row, seen = [], {}
        for name in H:
            k = seen.get(name, 0)
            seen[name] = k + 1
            val = v.get(name, "")
            if isinstance(val, list):
                val = val[k] if k < len(val) else ""
            row.append(val)
        assert H.count("Comment") >= len(cells)
        rows.append(row)
        if "s" in it:
            s = it["s"]
            samples.append(sample(it["key"], berlin_to_utc(c), score=int(it["sat"]) if it["sat"] else None,
                                  scale="1-5", title=it["summary"], contains=s["contains"],
                                  excludes=[x.replace("{rep}", rep_id) for x in s["excludes"]], reply=s["reply"]))
    emit("jira_export_all_fields.csv", "jira", "utf-8-bom", "\n", H, rows, len(rows), samples,
         "verbatim Jira Cloud header from a real export; JSM columns (`Labels`×2, `Custom field (Request Type)`, "
         "`Satisfaction`) from parser code",
         "UTF-8 BOM, LF; repeated `Watchers`/`Watchers Id`/`Labels`/`Comment` with empty cells for missing values; "
         "`dd/MMM/yy h:mm a` dates incl. `12:15 AM` (= 00:15, previous day in UTC) and `12:40 PM`; `Comment` = "
         "`<date>;<accountId>;<body>` with `;` inside a body, reporter comments (= customer text) vs agent "
         "comments (= reply); wiki markup (`h3.`, `{quote}`, `{code}`, `[~accountid:…]`); `Σ` header; "
         "`Satisfaction` 1–5 or empty")


# ============================================================================= Salesforce report
SF_REPORT_HEADER = ["Case Number", "Subject", "Case Origin", "Status", "Priority", "Date/Time Opened",
                    "Last Modified Date", "Description", "Account Name", "Type"]


def salesforce_report():
    r = rng_for("sfreport")
    C = [
        ("00001041", "2026-10-16 16:12", "Timer resets at midnight", "Web", "Closed", "Medium",
         "Timers that run past midnight are split into two entries and the second one is 0 minutes. Happens every "
         "night shift.", "Nightowl Security Ltd", "Problem",
         dict(contains=["Timers that run past midnight are split into two entries"], excludes=[])),
        ("00001043", "2026-10-22 09:05", "Invoice numbering restarted", "Email", "Closed", "High",
         "Our invoice numbers went from INV-1187 back to INV-0001 after the update. Our accountant is not happy.\n\n"
         "Regards,\nOliver\n--\nOliver Grant\nFinance Manager | Grant & Field LLP\n+44 20 7946 0958",
         "Grant & Field LLP", "Problem",
         dict(contains=["went from INV-1187 back to INV-0001 after the update."],
              excludes=["Oliver Grant", "Finance Manager | Grant & Field LLP"])),
        ("00001044", "2026-10-27 11:30", "Re: Export question", "Email", "Working", "Low",
         "Thanks, but the \"Detailed\" export still has no project codes in it.\n\nOn Tue, 27 Oct 2026 at 10:02, "
         "Tandem Support <support@tandem.example> wrote:\n> You can add project codes in Export settings > Columns.\n"
         "> Kind regards, Marcus", "Orbit Creative", "Question",
         dict(contains=['the "Detailed" export still has no project codes in it.'],
              excludes=["wrote:", "Export settings > Columns", "Kind regards, Marcus"])),
        ("00001046", "2026-11-02 08:15", "Mobile app login loop", "Phone", "Escalated", "High",
         "Customer reports the iOS app returns to the login screen after entering the 2FA code. iPhone 13, iOS 18.1.",
         "Helix Robotics", "Problem", None),
        ("00001049", "2026-11-03 09:05", "Request: Slack integration for approvals", "Web", "New", "Low",
         "It would be great to approve timesheets directly from Slack, our managers live there.",
         "Juniper Schools", "Feature Request", None),
        ("00001050", "2026-11-04 13:45", "Charged in USD instead of EUR", "Email", "Working", "Medium",
         "We're a German company and our last invoice was in USD, with conversion fees on top. Please switch us to "
         "EUR billing.\n\nSent from my iPhone", "Fjord & Pine", "Problem",
         dict(contains=["Please switch us to EUR billing."], excludes=["Sent from my iPhone"])),
        ("00001052", "2026-11-06 10:20", "Project budgets alert too late", "Web", "New", "Low",
         "Budget alerts fire at 100%, by then it's too late. Could we get 75% and 90% thresholds?",
         "Lumen Events", "Feature Request", None),
        ("00001055", "2026-11-09 12:00", "Calendar sync stopped (Outlook)", "Email", "Working", "High",
         "Outlook sync stopped after our IT enabled conditional access. Error: AADSTS53003.", "Beacon Legal",
         "Problem", dict(contains=["Outlook sync stopped after our IT enabled conditional access."], excludes=[])),
        ("00001057", "2026-11-11 15:33", "Danke!", "Email", "Closed", "Low",
         "Vielen Dank für die schnelle Hilfe mit dem Export, alles funktioniert wieder.", "Brightline GmbH",
         "Question", None),
        ("00001058", "2026-11-13 07:50", "Seats billed for deactivated users", "Web", "New", "Medium",
         "We deactivated 4 users on Monday but we're still paying for them, why?", "Saltmarsh Games", "Question", None),
    ]
    rows, samples = [], []
    for num, at, subj, origin, status, prio, desc, acct, typ, s in C:
        c = T(at)
        mod = c + dt.timedelta(hours=r.randint(1, 60), minutes=r.randrange(60))
        rows.append([num, subj, origin, status, prio, fmt_us_ampm(c), fmt_us_ampm(mod), desc, acct, typ])
        if s:
            samples.append(sample(num, berlin_to_utc(c), title=subj, contains=s["contains"], excludes=s["excludes"]))
    tail = ["", f'"Grand Totals ({len(rows)} records)"', "", '"Confidential Information - Do Not Distribute"',
            '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."']
    emit("salesforce_cases_report.csv", "salesforce", "utf-8", "\r\n", SF_REPORT_HEADER, rows, len(rows), samples,
         "report labels from the brief ([MEM] in the doc); footer verbatim from parser code",
         "\"Details only\" report: every cell quoted; US `M/d/yyyy h:mm a` no zone (day > 12, `12:00 PM`); 5 footer "
         "lines after the data (blank, `\"Grand Totals (10 records)\"`, blank, `Confidential…`, `Copyright…`) that "
         "are not records; `--` signature, `On … wrote:` block, `Sent from my iPhone`; CRLF",
         quote_all=True, tail=tail)


# ============================================================================= Salesforce object export
SF_OBJECT_HEADER = ["Id", "IsDeleted", "MasterRecordId", "CaseNumber", "ContactId", "AccountId", "AssetId", "SourceId",
                    "BusinessHoursId", "ParentId", "SuppliedName", "SuppliedEmail", "SuppliedPhone", "SuppliedCompany",
                    "Type", "Status", "Reason", "Origin", "Subject", "Priority", "Description", "IsClosed",
                    "ClosedDate", "IsEscalated", "OwnerId", "IsClosedOnCreate", "CreatedDate", "CreatedById",
                    "LastModifiedDate", "LastModifiedById", "SystemModstamp", "EventsProcessedDate"]
NULL_ID = "000000000000000AAA"


def sfid(r, prefix):
    base = prefix + "8d0000" + "".join(r.choice(B62) for _ in range(15 - len(prefix) - 6))
    suffix = ""
    for i in range(3):
        bits = sum(1 << j for j, ch in enumerate(base[i * 5:i * 5 + 5]) if "A" <= ch <= "Z")
        suffix += "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"[bits]
    return base + suffix


def salesforce_objects():
    r = rng_for("sfobject")
    owners = [sfid(r, "005") for _ in range(4)]
    bh = sfid(r, "01m")
    C = [
        ("00001102", "2026-10-19 06:24:44", "Web", "Question", "Closed", "Low", "Can't find where to change billing email",
         "I've looked everywhere in Settings. Where do I change the address invoices are sent to?",
         ("Elif Yilmaz", "elif.yilmaz@example.com", "+1 415 555 0134", "Copper Kettle Coffee"), "",
         dict(contains=["Where do I change the address invoices are sent to?"], excludes=[])),
        ("00001103", "2026-10-23 14:02:10", "Email", "Problem", "Working", "High", "Re: [Case 00001098] Sync conflict",
         "Hi Aiko,\n\nIt happened again this morning: two people edited the same entry and one change was lost.\n\n"
         "On Thu, 22 Oct 2026 at 16:40, Aiko from Tandem <support@tandem.example> wrote:\n> Could you tell us when "
         "it happens next time?\n>\n> Aiko", None, "",
         dict(contains=["two people edited the same entry and one change was lost."],
              excludes=["wrote:", "Could you tell us when it happens next time?"])),
        ("00001105", "2026-10-26 08:15:00", "Web", "Feature Request", "New", "Medium", "API rate limit too low",
         "Our nightly sync to the data warehouse hits the 60 requests/minute limit. Could you raise it for our "
         "account?", None, "", None),
        ("00001108", "2026-10-30 17:45:31", "Email", "Problem", "Escalated", "High", "Tandem ate my timesheet",
         "Saved my timesheet for the week, came back and it's empty. Five days of entries, gone!!! Please tell me "
         "you have a backup.", None, "", None),
        ("00001110", "2026-11-02 09:12:44", "Email", "Problem", "Closed", "Low", "Invoice template logo blurry",
         "The logo on invoice PDFs is blurry, we uploaded a 2000px PNG.\n\n-- \nHannah Shah\nStudio Manager, "
         "Lumen Architects", None, "Performance",
         dict(contains=["The logo on invoice PDFs is blurry, we uploaded a 2000px PNG."],
              excludes=["Hannah Shah", "Studio Manager, Lumen Architects"])),
        ("00001113", "2026-11-04 11:05:09", "Web", "Question", "Closed", "Medium", "Question about GDPR data export",
         "Can we get a full export of our workspace data, including deleted projects, for a GDPR request?",
         ("Daria Petrov", "daria.petrov@example.org", "", "Pebble Analytics"), "", None),
        ("00001115", "2026-11-06 13:30:00", "Phone", "Problem", "New", "Medium", "iPad layout broken",
         "On iPad in landscape the timer button is hidden behind the keyboard.", None, "", None),
        ("00001118", "2026-11-09 07:59:59", "Email", "Problem", "Working", "High", "Okta SCIM deprovisioning",
         "Users deprovisioned in Okta stay active in Tandem and keep using a seat.", None, "",
         dict(contains=["Users deprovisioned in Okta stay active in Tandem"], excludes=[])),
        ("00001119", "2026-11-10 16:20:18", "Web", "Question", "Closed", "Low", "Merci",
         "Merci pour la nouvelle application mobile, elle est beaucoup plus rapide.",
         ("Lucas Moreau", "lucas.moreau@example.net", "", "Quill & Co"), "", None),
        ("00001121", "2026-11-12 10:10:10", "Email", "Question", "New", "Medium", "Reports: hours don't add up",
         "Total on the summary report is 162.5h but the detailed report adds up to 160h. Which one is right?", None,
         "", None),
    ]
    rows, samples = [], []
    for num, at, origin, typ, status, prio, subj, desc, supplied, reason, s in C:
        c = T(at)
        cid = sfid(r, "500")
        closed = status == "Closed"
        closed_at = c + dt.timedelta(hours=r.randint(2, 70), minutes=r.randrange(60), seconds=r.randrange(60)) if closed else None
        mod = (closed_at or c) + dt.timedelta(minutes=r.randint(1, 300), seconds=r.randrange(60))
        owner = r.choice(owners)
        web = supplied is not None
        creator = sfid(r, "005") if web else owner   # the site guest user for web-to-case
        row = [cid, "0", NULL_ID, num, NULL_ID if web else sfid(r, "003"), NULL_ID if web else sfid(r, "001"),
               NULL_ID, NULL_ID, bh, NULL_ID] + (list(supplied) if web else ["", "", "", ""]) + \
              [typ, status, reason, origin, subj, prio, desc, "1" if closed else "0",
               fmt_sql(closed_at) if closed_at else "", "1" if status == "Escalated" else "0", owner, "0",
               fmt_sql(c), creator, fmt_sql(mod), owner, fmt_sql(mod), ""]
        rows.append(row)
        if s:
            samples.append(sample(cid, c.replace(tzinfo=UTC), title=subj, contains=s["contains"], excludes=s["excludes"]))
    emit("salesforce_case_objects.csv", "salesforce", "utf-8", "\n", SF_OBJECT_HEADER, rows, len(rows), samples,
         "verbatim API header from a real Data Loader export",
         "every cell quoted; API names; booleans `\"0\"`/`\"1\"`; null lookups `000000000000000AAA`; 18-char ids "
         "with a valid checksum suffix; `YYYY-MM-DD HH:MM:SS` in UTC; web-to-case `Supplied*` PII columns; quoted "
         "reply and `-- ` signature in `Description`; LF",
         quote_all=True)


# ============================================================================= HubSpot
HUBSPOT_HEADER = ("Ticket ID,Ticket name,Ticket description,Ticket status,Pipeline,Priority,Source,Ticket owner,"
                  "Create date,Last modified date,Category").split(",")


def hubspot():
    r = rng_for("hubspot")
    C = [
        ("2026-10-15 14:20", "Refund to bank account", "Our company card was cancelled, please refund the "
         "overpayment to our bank account instead: IBAN GB82 WEST 1234 5698 7654 32 (Acme Interiors Ltd).",
         "Closed", "HIGH", "Email", "Billing issue",
         dict(contains=["please refund the overpayment to our bank account instead: IBAN [iban] (Acme Interiors Ltd)."],
              excludes=["GB82 WEST 1234 5698 7654 32", "[card]"])),
        ("2026-10-21 09:40", "Timesheet approval emails not arriving", "Managers stopped getting the \"timesheet "
         "ready for approval\" emails last week. Nothing in spam.\n\n-- \nRuth Okafor\nOperations, Kite & Co",
         "Waiting on us", "MEDIUM", "Email", "Product issue",
         dict(contains=['stopped getting the "timesheet ready for approval" emails last week.'],
              excludes=["Ruth Okafor", "Operations, Kite & Co"])),
        ("2026-10-28 11:00", "Feature: billable rates per task", "We bill different rates for design and dev work "
         "on the same project. Right now we need two projects for that, which is clunky.", "New", "LOW", "Form",
         "Feature request", None),
        ("2026-11-02 08:30", "Android widget missing", "After updating, the home screen widget disappeared and I "
         "can't add it back.", "Waiting on contact", "MEDIUM", "Chat", "Product issue", None),
        ("2026-11-03 09:12", "Pricing for non-profits", "Do you offer a discount for registered charities? We're "
         "12 people.", "Closed", "LOW", "Form", "General inquiry",
         dict(contains=["Do you offer a discount for registered charities?"], excludes=[])),
        ("2026-11-05 16:45", "Export API returns 500", "GET /v2/exports?format=csv returns HTTP 500 since this "
         "morning. Our BI dashboards are empty.", "Waiting on us", "HIGH", "Email", "Product issue", None),
        ("2026-11-06 10:05", "App iOS si blocca", "Lo strumento è ottimo, ma l'app iOS si blocca quando cambio "
         "progetto.", "New", "MEDIUM", "Chat", "Product issue", None),
        ("2026-11-09 13:50", "Re: Your invoice", "Yes please, go ahead with the downgrade.\n\nOn Mon, 9 Nov 2026 at "
         "11:20, Tandem Billing <billing@tandem.example> wrote:\n> Would you like us to move you to the Starter plan "
         "from December?", "Closed", "LOW", "Email", "Billing issue",
         dict(contains=["Yes please, go ahead with the downgrade."],
              excludes=["wrote:", "move you to the Starter plan"])),
        ("2026-11-11 17:20", "Calendar events have wrong time", "Events from Outlook appear one hour off in Tandem "
         "since the clocks changed.", "Waiting on us", "MEDIUM", "Email", "Product issue", None),
        ("2026-11-12 08:00", "Thanks", "The onboarding call was really helpful, thanks Devon! 🙏", "Closed", "LOW",
         "Email", "General inquiry", None),
    ]
    rows, samples = [], []
    tid = 1823400000
    for at, name, desc, status, prio, src, cat, s in C:
        tid += r.randint(1000, 900000)
        c = T(at)
        mod = c + dt.timedelta(hours=r.randint(1, 70), minutes=r.randrange(60))
        rows.append([str(tid), name, desc, status, "Support Pipeline", prio, src,
                     "" if status == "New" else r.choice(list(ADMINS)), fmt_sql(c, False), fmt_sql(mod, False), cat])
        if s:
            samples.append(sample(str(tid), berlin_to_utc(c), title=name, contains=s["contains"], excludes=s["excludes"]))
    emit("hubspot-crm-exports-all-tickets-2026-11-09.csv", "hubspot", "utf-8-bom", "\r\n", HUBSPOT_HEADER, rows,
         len(rows), samples, "layout from docs only (file name from parser code; columns are property labels)",
         "UTF-8 BOM, CRLF; `YYYY-MM-DD HH:MM` no zone (CEST and CET); IBAN in a description; `-- ` signature and "
         "`On … wrote:` block; enum-style `HIGH`/`MEDIUM`/`LOW`; empty `Ticket owner`")


# ============================================================================= Zendesk Explore
EXPLORE_HEADER = ("Ticket ID,Ticket status,Ticket group,Assignee name,Ticket created - Date,Ticket solved - Date,"
                  "Ticket brand,Ticket channel,Ticket priority,Ticket subject,Ticket type,Requester name,"
                  "Ticket organisation name,Ticket tags,Tickets").split(",")


def zendesk_explore():
    r = rng_for("explore")
    C = [
        ("81201", "2026-10-20", "2026-10-22", "Solved", "Billing", "Web form", "High", "Refund for duplicate charge",
         "Problem", ["billing", "refund", "vip"]),
        ("81219", "2026-10-26", "2026-10-26", "Closed", "Support", "Email", "Low", "How do I archive a project?",
         "Question", []),
        ("81233", "2026-10-29", "", "Open", "Mobile", "Mobile SDK", "Urgent", "App freezes on the timesheet screen",
         "Incident", ["ios", "mobile"]),
        ("81240", "2026-11-02", "2026-11-03", "Solved", "Support", "Chat", "Normal", "Google Calendar events missing",
         "Incident", ["calendar_sync"]),
        ("81256", "2026-11-04", "", "Pending", "Support", "Email", "High", "PDF export is blank", "Problem",
         ["export", "pdf", "reports"]),
        ("81262", "2026-11-06", "2026-11-06", "Solved", "Billing", "Email", "Low", "Change company name on invoices",
         "Task", []),
        ("81270", "2026-11-10", "", "Open", "Support", "Web form", "High", "SSO: user not found", "Incident",
         ["okta", "sso"]),
        ("81288", "2026-11-12", "2026-11-12", "Solved", "Support", "Email", "Low", "Great new reports ✨", "Question",
         ["praise"]),
    ]
    people = ["Amara Mensah", "Ben Walsh", "Carla Reyes", "Dmitri Petrov", "Elif Yilmaz", "Farah Haddad",
              "Gustavo Ribeiro", "Hana Sato"]
    rows, samples = [], []
    for (tid, created, solved, status, group, channel, prio, subj, typ, tags), req in zip(C, people):
        org = r.choice(["Orbit Creative", "Beacon Legal", "Helix Robotics", "Tallgrass Farms", ""])
        base = [tid, status, group, "" if status == "Open" and r.random() < 0.5 else r.choice(list(ADMINS)), created,
                solved, "Tandem", channel, prio, subj, typ, req, org]
        for tag in (sorted(tags) or [""]):
            rows.append(base + [tag, "1"])
        if tid in ("81201", "81219", "81256", "81288"):
            samples.append(sample(tid, berlin_to_utc(T(created + " 00:00")), title=subj))
    emit("zendesk_explore_report.csv", "zendeskexplore", "utf-8", "\n", EXPLORE_HEADER, rows, len(C), samples,
         "layout from docs only (attribute names from parser code)",
         "one row per tag value (14 rows, 8 tickets: 3, 0, 2, 1, 3, 0, 2, 1 tags) to merge on `Ticket ID`; "
         "`Tickets` metric `1` on every row; date-only `Ticket created - Date` (midnight Berlin = 22:00 or 23:00 UTC "
         "the day before); empty `Ticket solved - Date`; no body column (title only)")


# ============================================================================= Microsoft Forms (Excel re-save)
MSFORMS_HEADER = ["Id", "Start time", "Completion time", "Email", "Name", "Last modified time",
                  "How likely are you to recommend Tandem to a friend or colleague?",
                  "What’s the main reason for your score?", "Which parts of Tandem do you use?",
                  "Anything else you’d like to tell us?"]


def msforms():
    r = rng_for("msforms")
    C = [
        ("2026-10-19 09:38", "2026-10-19 09:41", None, "9", "Timers just work, and the weekly summary email is great.",
         "Mobile app;Timesheets;Reports;", "",
         dict(contains=["Timers just work, and the weekly summary email is great."], excludes=[])),
        ("2026-10-21 14:02", "2026-10-21 14:10", ("l.moreau@example.org", "Léa Moreau"), "7",
         "Très bien pour le suivi du temps, mais l’export PDF est trop lent.", "Timesheets;Invoices;", "",
         dict(contains=["Très bien pour le suivi du temps", "mais l’export PDF est trop lent."], excludes=[])),
        ("2026-10-26 08:55", "2026-10-26 08:58", None, "3",
         "The mobile app logs me out every few days and I lose running timers.", "Mobile app;",
         "Please fix the iOS app before adding new features", None),
        ("2026-10-30 12:00", "2026-10-30 12:07", ("oliver.grant@grantfield.example", "Oliver Grant"), "10",
         "Invoicing straight from tracked hours saves our office manager a day a month.",
         "Invoices;Reports;Calendar sync;", "", None),
        ("2026-11-02 17:20", "2026-11-02 17:26", None, "6",
         "It’s fine. Calendar sync misses events from shared calendars, so I still type half my meetings in by hand.",
         "Calendar sync;Timesheets;", "", None),
        ("2026-11-04 10:10", "2026-11-04 10:12", ("r.okafor@kite.example", "Ruth Okafor"), "8",
         "Good value for a team our size", "Timesheets;", "", None),
        ("2026-11-06 15:45", "2026-11-06 15:52", None, "2",
         "We were charged for 30 seats after downsizing to 22, and support took a week to answer.",
         "Invoices;Timesheets;", "Not happy.",
         dict(contains=["We were charged for 30 seats after downsizing to 22", "Not happy."], excludes=[])),
        ("2026-11-09 09:00", "2026-11-09 09:03", ("sofia.chen@example.com", "Sofia Chen"), "9",
         "Clean UI, fast, and the Outlook integration finally works.", "Calendar sync;Mobile app;Reports;", "", None),
        ("2026-11-11 11:24", "2026-11-11 11:27", None, "5",
         "Reports are powerful but hard to find; I need three clicks to get to last week’s hours.",
         "Reports;Timesheets;", "", None),
        ("2026-11-13 15:58", "2026-11-13 16:05", ("wen.nakamura@example.net", "Wen Nakamura"), "10",
         "Best time tracker we’ve tried, and we’ve tried five.", "Mobile app;Timesheets;Invoices;Reports;",
         "Keep the price as it is, please!",
         dict(contains=["Best time tracker we’ve tried, and we’ve tried five.", "Keep the price as it is, please!"],
              excludes=[])),
    ]
    rows, samples = [], []
    for i, (start, done, who, score, reason, parts, more, s) in enumerate(C, 1):
        st, ct = T(start), T(done)
        modified = fmt_us_24(ct + dt.timedelta(hours=r.randint(2, 30))) if i == 2 else ""
        rows.append([str(i), fmt_us_24(st), fmt_us_24(ct), who[0] if who else "anonymous", who[1] if who else "",
                     modified, score, reason, parts, more])
        if s:
            samples.append(sample(str(i), berlin_to_utc(ct), score=int(score), scale="0-10", contains=s["contains"],
                                  excludes=s["excludes"]))
    emit("msforms_excel_resave.csv", "msforms", "windows-1252", "\r\n", MSFORMS_HEADER, rows, len(rows), samples,
         "header shape from a real re-saved file; `Last modified time` and the `;` multi-select are [MEM]",
         "Windows-1252 (0x92 ’ in two headers and answers, 0xE9 é, 0xE8 è); CRLF; Excel dates `M/d/yyyy H:mm` "
         "month-first without seconds (`11/13/2026 16:05` decides the order), no zone; `Email` = `anonymous` with "
         "empty `Name`; 0–10 recommend column; multi-select `Mobile app;Invoices;` with trailing `;`; two open "
         "questions (text = both, joined)")


# ============================================================================= Google Play
PLAY_HEADER = ("Package Name,App Version Code,App Version Name,Reviewer Language,Device,Review Submit Date and Time,"
               "Review Submit Millis Since Epoch,Review Last Update Date and Time,Review Last Update Millis Since Epoch,"
               "Star Rating,Review Title,Review Text,Developer Reply Date and Time,Developer Reply Millis Since Epoch,"
               "Developer Reply Text,Review Link").split(",")
PLAY_PKG = "com.tandem.app"


def play_review_id(r):
    return "gp:AOqpTO" + "".join(r.choice(string.ascii_letters + string.digits + "-_") for _ in range(80))


def google_play():
    r = rng_for("googleplay")
    devices = ["husky", "lynx", "a54x", "dm3q", "OP5958L1", "felix", "akita", "r11q"]
    N = [  # key, submitted, stars, lang, title, text, reply(at, text), version
        ("p1", "2026-11-01T08:15:22Z", 5, "en", "", "Finally a time tracker my whole team actually uses. Timer widget "
         "is 👌", None, ("5200", "5.2.0")),
        ("p2", "2026-11-03T19:40:05Z", 1, "en", "", "Crashes every time I open a project with more than 100 tasks.\n"
         "Pixel 8, latest version. Please fix, this is my main work tool",
         ("2026-11-04T10:02:11Z", "Sorry about that! We found the cause and 5.2.1 fixes it, rolling out this week."),
         ("5200", "5.2.0")),
        ("p3", "2026-11-05T14:40:32Z", 2, "en", "", "Sync between web and phone takes minutes, sometimes hours. Not "
         "great when you bill by the hour.", None, ("", "")),
        ("p4", "2026-11-06T06:58:40Z", 3, "de", "", "Gute App, aber die Benachrichtigungen kommen doppelt.", None,
         ("5200", "5.2.0")),
        ("p5", "2026-11-08T22:31:09Z", 4, "en", "Dark mode please", "Does what it says. Would love a dark mode, my "
         "eyes at 11pm say thanks in advance", None, ("", "")),
        ("p6", "2026-11-10T12:12:12Z", 1, "en", "", "Charged me after I cancelled the trial!!! Want my money back",
         ("2026-11-10T15:47:30Z", "We've refunded the charge, please check your email for the confirmation."),
         ("5201", "5.2.1")),
        ("p7", "2026-11-12T17:03:44Z", 5, "es", "", "Muy útil para registrar horas por cliente, y las facturas salen "
         "solas.", None, ("5201", "5.2.1")),
        ("p8", "2026-11-15T09:20:18Z", 2, "en", "", "Login with SSO opens the browser, then nothing happens. Stuck on "
         "a blank page, tried 3 times, reinstalled, same.", None, ("", "")),
        ("p9", "2026-11-18T13:45:00Z", 4, "en", "", "Good app, the calendar sync saves me a lot of typing, but the "
         "widget doesn't update until I open the app", None, ("5201", "5.2.1")),
        ("p10", "2026-11-21T20:10:33Z", 3, "fr", "", "L'application est bien, mais l'export PDF ne marche pas sur "
         "tablette.", None, ("", "")),
        ("p11", "2026-11-24T07:07:07Z", 5, "en", "", "Love it", None, ("5201", "5.2.1")),
        ("p12", "2026-11-28T11:36:52Z", 2, "en", "", "The new update moved the start/stop button to the top, can't "
         "reach it with one hand.\nPut it back please",
         ("2026-11-29T09:15:00Z", "Thanks for the feedback! You can move it back under Settings > Layout > Timer "
          "position."), ("5202", "5.2.2")),
    ]
    D = [  # December: one new review and two edits (same reviewId, later last update)
        ("p13", "2026-12-02T18:22:41Z", None, 5, "en", "", "Switched from spreadsheets, never going back. Invoices in "
         "two taps.", None, ("5202", "5.2.2")),
        ("p2", "2026-11-03T19:40:05Z", "2026-12-03T08:14:55Z", 4, "en", "", "Update: 5.2.1 fixed the crash, thanks "
         "for the quick reply. Still a bit slow on big projects.",
         ("2026-11-04T10:02:11Z", "Sorry about that! We found the cause and 5.2.1 fixes it, rolling out this week."),
         ("5202", "5.2.2")),
        ("p3", "2026-11-05T14:40:32Z", "2026-12-07T21:05:03Z", 1, "en", "", "Still slow to sync after the update. "
         "Switched half the team back to the web app.",
         ("2026-12-08T08:30:00Z", "Thanks for sticking with us. Could you send your workspace ID to our support team "
          "so we can check the sync logs?"), ("5202", "5.2.2")),
    ]
    ids, dev, submit_ms = {}, {}, {}

    def z(s):
        return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")

    def row(key, submitted, updated, stars, lang, title, text, reply, ver):
        if key not in ids:
            ids[key] = play_review_id(r)
            dev[key] = r.choice(devices)
            submit_ms[key] = millis(z(submitted), r)
        su = z(submitted)
        up = z(updated) if updated else su
        up_ms = submit_ms[key] if not updated else millis(up, r)
        if reply:
            rms = millis(z(reply[0]), random.Random(f"{SEED}:{key}:{reply[0]}"))
        return [PLAY_PKG, ver[0], ver[1], lang, dev[key], submitted, submit_ms[key], updated or submitted, up_ms,
                str(stars), title, text, reply[0] if reply else "", rms if reply else "", reply[1] if reply else "",
                f"https://play.google.com/store/apps/details?id={PLAY_PKG}&reviewId={ids[key]}"]

    nov_rows = [row(k, s, None, st, lg, ti, tx, rp, v) for k, s, st, lg, ti, tx, rp, v in N]
    nov_samples = []
    nov_spec = {
        "p2": dict(contains=["Crashes every time I open a project with more than 100 tasks.",
                             "Please fix, this is my main work tool"],
                   reply=["We found the cause and 5.2.1 fixes it"]),
        "p3": dict(contains=["Sync between web and phone takes minutes, sometimes hours."], reply=[]),
        "p5": dict(contains=["Would love a dark mode, my eyes at 11pm say thanks in advance"], reply=[]),
        "p12": dict(contains=["can't reach it with one hand.", "Put it back please"],
                    reply=["Settings > Layout > Timer position."]),
    }
    for k, s, st, lg, ti, tx, rp, v in N:
        if k in nov_spec:
            sp = nov_spec[k]
            nov_samples.append(sample(ids[k], z(s).replace(tzinfo=UTC), score=st, scale="1-5", title=ti,
                                      contains=sp["contains"], reply=sp["reply"]))
    name_nov = f"reviews_{PLAY_PKG}_202611.csv"
    emit(name_nov, "googleplay", "utf-16le", "\n", PLAY_HEADER, nov_rows, len(nov_rows), nov_samples,
         "verbatim header from parser code; encoding from Google's docs",
         "UTF-16 LE with BOM; ISO `…Z` dates plus epoch millis; `Review Title` mostly empty; developer replies; "
         "`reviewId` in `Review Link` as the key; newlines and commas in text; LF")

    dec_rows = [row(k, s, u, st, lg, ti, tx, rp, v) for k, s, u, st, lg, ti, tx, rp, v in D]
    dec_spec = {
        "p13": dict(contains=["Switched from spreadsheets, never going back."], excludes=[], reply=[]),
        "p2": dict(contains=["Update: 5.2.1 fixed the crash, thanks for the quick reply."],
                   excludes=["Crashes every time I open a project"], reply=["We found the cause and 5.2.1 fixes it"]),
        "p3": dict(contains=["Still slow to sync after the update."],
                   excludes=["Not great when you bill by the hour."], reply=["so we can check the sync logs?"]),
    }
    dec_samples = [sample(ids[k], z(s).replace(tzinfo=UTC), score=st, scale="1-5", title=ti,
                          contains=dec_spec[k]["contains"], excludes=dec_spec[k]["excludes"],
                          reply=dec_spec[k]["reply"]) for k, s, u, st, lg, ti, tx, rp, v in D]
    emit(f"reviews_{PLAY_PKG}_202612.csv", "googleplay", "utf-16le", "\n", PLAY_HEADER, dec_rows, len(dec_rows),
         dec_samples, "verbatim header from parser code; encoding from Google's docs",
         "next month's file: 1 new review + 2 November reviews edited (same `reviewId`, same submit time, later "
         "`Review Last Update`, new text and stars; one gains a developer reply). Both files together = "
         f"{len(nov_rows) + 1} records, the edits winning",
         extra={"mergedWith": name_nov, "mergedAcrossFiles": len(nov_rows) + 1})


# ============================================================================= App Store (API fields as CSV)
APPSTORE_HEADER = ["id", "rating", "title", "body", "reviewerNickname", "createdDate", "territory"]


def appstore():
    r = rng_for("appstore")
    C = [
        ("2026-10-18T21:14:09-07:00", 5, "Perfect for freelancers", "Tracking time per client and sending the "
         "invoice from my iPhone is so smooth.", "freelance_fran", "USA",
         dict(contains=["sending the invoice from my iPhone is so smooth."], excludes=[])),
        ("2026-10-23T07:02:44-07:00", 2, "Widget broken", "The lock screen widget shows 0:00 even while a timer is "
         "running.", "tomw", "GBR", None),
        ("2026-10-31T23:30:00-07:00", 1, "Lost my entries", "Updated the app and a whole day of entries vanished. "
         "Support says they'll look into it, but I need them for payroll.", "kbrennan", "USA",
         dict(contains=["a whole day of entries vanished.", "but I need them for payroll."], excludes=[])),
        ("2026-11-02T10:11:12-08:00", 4, "Solid", "Does everything we need. Apple Watch app would be nice.",
         "maple_dev", "CAN", None),
        ("2026-11-05T14:40:32-08:00", 3, "Zu viele Benachrichtigungen", "Die App erinnert mich dreimal am Tag an "
         "meine Stundenzettel, das lässt sich nicht abstellen.", "J.Schulz", "DEU",
         dict(contains=["das lässt sich nicht abstellen."], excludes=[])),
        ("2026-11-07T09:30:41-08:00", 5, "Game changer", "Our agency (15 people) replaced three tools with Tandem. "
         "Invoices, timesheets, reports: all in one.", "agencyowner_uk", "GBR", None),
        ("2026-11-09T18:48:20-08:00", 1, "Face ID login loop", "After enabling Face ID the app asks for my password, "
         "then Face ID, then password again…", "nope_42", "USA", None),
        ("2026-11-12T06:05:59-08:00", 3, "Ok but pricey", "Works well but $12 per seat is a lot for a small team.",
         "smallteam", "AUS", None),
        ("2026-11-14T16:16:16-08:00", 4, "Très pratique", "Très pratique pour suivre le temps passé sur chaque "
         "projet.", "m.dubois", "FRA", None),
        ("2026-11-16T11:00:00-08:00", 2, "Calendar sync", "Calendar sync only imports events from my primary "
         "calendar, not shared ones.", "calendarguy", "USA", None),
    ]
    rows, samples = [], []
    rid = 11738249101
    for at, rating, title, body, nick, terr, s in C:
        rid += r.randint(1000, 500000)
        rows.append([str(rid), str(rating), title, body, nick, at, terr])
        if s:
            samples.append(sample(str(rid), dt.datetime.fromisoformat(at), score=rating, scale="1-5", title=title,
                                  contains=s["contains"], excludes=s["excludes"]))
    emit("appstore_reviews.csv", "appstore", "utf-8", "\n", APPSTORE_HEADER, rows, len(rows), samples,
         "layout from docs only (no native CSV; API field names written as a CSV)",
         "offset in every date (`-07:00` PDT in October, `-08:00` PST from Nov 1; one crosses into the next day and "
         "month in UTC); ISO alpha-3 `territory`; 1–5 `rating`; every review has a title")


# ============================================================================= Trustpilot
TRUSTPILOT_HEADER = ("Domain Url,Webshop Name,Business Unit Id,Review Id,Review Created (UTC),Review Consumer User Id,"
                     "Review Username,Review User Email,Review Title,Review Content,Review Stars,Source Of Review,"
                     "Reference Id,Company Response,Company Reply Date (UTC),Review Language,Tags").split(",")


def trustpilot():
    r = rng_for("trustpilot")
    bu = hexid(r, 24)
    C = [
        ("2026-10-17 18:02:37", "Sofia Reyes", "Best time tracking tool we've used", "We moved 40 people from "
         "spreadsheets to Tandem in a week. The mobile timer is the killer feature.", 5, "Invitation",
         "Thank you, Sofia! Great to hear the rollout went smoothly.", "en", "onboarding,mobile",
         dict(contains=["The mobile timer is the killer feature."], excludes=[], reply=["the rollout went smoothly"])),
        ("2026-10-24 07:45:10", "Aditya K.", "Billing nightmare", "They kept charging us for two months after we "
         "cancelled. Call me on +44 20 7946 0958 if you actually want to fix it, I've sent four emails.", 1, "Organic",
         "We're sorry, a refund for both months has been issued and we've reviewed how cancellations are processed.",
         "en", "billing,refund",
         dict(contains=["They kept charging us for two months after we cancelled. Call me on [phone] if you actually"],
              excludes=["+44 20 7946 0958", "7946"], reply=["a refund for both months has been issued"])),
        ("2026-10-29 12:30:00", "Jonas", "Gutes Tool, Support könnte schneller sein", "Die Zeiterfassung funktioniert "
         "zuverlässig, aber auf Antworten vom Support warten wir oft zwei Tage.", 3, "Organic", "", "de", "support",
         dict(contains=["aber auf Antworten vom Support warten wir oft zwei Tage."], excludes=[], reply=[])),
        ("2026-11-01 09:09:09", "Mei Chen", "Calendar integration is great", "Calendar sync with Outlook means I "
         "barely type time entries anymore. Four stars because the Android app is slower than iOS.", 4, "Invitation",
         "", "en", "calendar,mobile", None),
        ("2026-11-03 09:12:44", "Liam O.", "Invoices look professional", "Our clients comment on how clean the "
         "invoices look. Wish we could add our own fonts, though.", 5, "Organic", "Thanks Liam! Custom fonts are on "
         "our roadmap.", "en", "invoices", None),
        ("2026-11-05 21:40:02", "Umar Farouk", "App crashes", "The Android app crashes when I switch between projects "
         "quickly. Web works fine.", 2, "Organic", "Sorry about this, Umar. Version 5.2.1 fixes the crash, please "
         "update.", "en", "mobile,crash", None),
        ("2026-11-07 10:15:48", "Carla", "Not for small teams", "Minimum of 5 seats on the Team plan, we're 3 people. "
         "Feels like paying for air.", 2, "Organic", "", "en", "pricing", None),
        ("2026-11-10 16:50:33", "Tara B.", "Brilliant", "Brilliant, simple, \"just works\".", 5, "Invitation", "", "en",
         "", None),
        ("2026-11-12 08:08:08", "Bianca", "Très bon outil", "Très bon outil, l'export comptable nous fait gagner du "
         "temps.", 4, "Invitation", "Merci beaucoup, Bianca !", "fr", "export", None),
        ("2026-11-14 13:25:19", "Dmitri P.", "SSO setup was painful", "SAML setup with Azure AD took us a full day, "
         "the docs are out of date. Works now.", 3, "Organic", "", "en", "sso,docs", None),
    ]
    rows, samples = [], []
    for at, user, title, content, stars, src, resp, lang, tags, s in C:
        rid = hexid(r, 24)
        c = T(at)
        reply_at = fmt_sql(c + dt.timedelta(hours=r.randint(2, 40), minutes=r.randrange(60))) if resp else ""
        mail = user.split()[0].lower().strip(".") + "." + hexid(r, 4) + "@example.com"
        rows.append(["www.tandem.example", "Tandem", bu, rid, at, hexid(r, 24), user, mail, title, content, str(stars),
                     src, f"ORD-{r.randint(10000, 99999)}" if src == "Invitation" else "", resp, reply_at, lang, tags])
        if s:
            samples.append(sample(rid, c.replace(tzinfo=UTC), score=stars, scale="1-5", title=title,
                                  contains=s["contains"], excludes=s["excludes"], reply=s["reply"]))
    emit("trustpilot_reviews.csv", "trustpilot", "utf-8", "\n", TRUSTPILOT_HEADER, rows, len(rows), samples,
         "column names from one parser ([CODE], order unverified) + `Tags`",
         "`(UTC)` in the header names; 1–5 `Review Stars`; `Company Response` as the reply; phone number in a "
         "review; PII column `Review User Email`; comma-separated `Tags`, one empty")


# ============================================================================= Wootric
WOOTRIC_HEADER = ("Response ID,End User Email,Score,Comment,Created At,Updated At,Survey Type,Tags,plan,seats_amount,"
                  "modules_array").split(",")


def wootric():
    r = rng_for("wootric")
    C = [
        ("2026-10-16 07:12:03", 9, "Simple and reliable. The reminders keep everyone honest about their hours.",
         "Business", "timesheets,reports,mobile", "", dict(contains=["The reminders keep everyone honest"])),
        ("2026-10-20 15:41:27", 3, "Too expensive for what it does since the price change.", "Team",
         "timesheets", "pricing", None),
        ("2026-10-22 09:00:14", 10, "", "Business", "timesheets,invoices,calendar,mobile", "",
         dict(contains=[])),
        ("2026-10-27 11:18:50", 7, "Good, but calendar sync misses events, so I still fix my timesheet by hand on "
         "Fridays.", "Team", "timesheets,calendar", "calendar", None),
        ("2026-10-29 19:02:33", 0, "Lost a week of time entries. Nobody could tell me why.", "Team",
         "timesheets,mobile", "data-loss,support", dict(contains=["Lost a week of time entries."])),
        ("2026-11-02 08:30:00", 8, "Solid product, mobile app could be faster", "Business", "mobile", "mobile", None),
        ("2026-11-03 09:12:44", 9, "Love the invoices, clients pay faster now", "Business", "invoices,reports",
         "invoices", None),
        ("2026-11-05 13:37:21", 6, "meh. the reports are confusing, took me ages to find utilization", "Team",
         "reports", "reports,ux", None),
        ("2026-11-09 10:45:12", 10, "Der Support ist großartig, danke Lena!", "Business",
         "timesheets,invoices,reports", "support",
         dict(contains=["Der Support ist großartig, danke Lena!"])),
        ("2026-11-10 17:59:59", 5, "", "Starter", "timesheets", "", None),
        ("2026-11-12 12:00:01", 9, "SSO with Okta was a 5-minute setup, impressive.", "Enterprise",
         "timesheets,sso,reports", "sso", None),
        ("2026-11-14 06:44:18", 2, "The Android app crashes when offline. Useless on the train.", "Team",
         "mobile", "mobile,crash", None),
    ]
    rows, samples = [], []
    rid = 48810233
    for at, score, comment, plan, modules, tags, s in C:
        rid += r.randint(10, 4000)
        c = T(at)
        upd = c + dt.timedelta(hours=r.randint(1, 48)) if tags else c
        seats = {"Starter": 3, "Team": r.choice([8, 12, 15]), "Business": r.choice([25, 40]), "Enterprise": 180}[plan]
        mail = f"user{rid % 1000:03d}@" + r.choice(["example.com", "example.org", "example.net"])
        rows.append([str(rid), mail, str(score), comment, fmt_sql(c) + " UTC", fmt_sql(upd) + " UTC", "NPS", tags,
                     plan, str(seats), Q(modules)])
        if s:
            samples.append(sample(str(rid), c.replace(tzinfo=UTC), score=score, scale="0-10", contains=s["contains"]))
    emit("wootric_responses.csv", "wootric", "utf-8", "\n", WOOTRIC_HEADER, rows, len(rows), samples,
         "layout from docs only (header given by the brief; property suffixes from Wootric's upload spec)",
         "`… UTC` suffix on dates; 0–10 `Score`, incl. 0 and two score-only rows; custom properties with typed "
         "suffixes `seats_amount` (integer) and `modules_array` (always quoted, comma-separated)")


# ============================================================================= Medallia Agent Connect
MEDALLIA_HEADER = ("request_id,request_sent_at,request_delivery_status,response_received_at,star_rating,comments,"
                   "reward_name,areas_for_improvement,additional_question_response,ext_interaction_id,external_url,"
                   "channel,tags,brand,customer_name,request_sent_to,employee_first_name,employee_last_name,"
                   "employee_email,employee_custom_id,employee_status,employee_employment_status,employee_start_date,"
                   "team_leader").split(",")


def medallia():
    r = rng_for("medallia")
    staff = {"Priya": ("Raman", "EMP-004", "2022-02-14"), "Marcus": ("Hughes", "EMP-011", "2023-06-05"),
             "Lena": ("Fischer", "EMP-014", "2024-03-04"), "Devon": ("Walsh", "EMP-019", "2025-01-13")}
    C = [  # sent, minutes to answer (None = never answered), stars, comment, areas, agent, channel, customer
        ("2026-10-19 08:00:00", 72, 5, "Priya solved my invoice issue in one reply. Fantastic.", "", "Priya", "email",
         "Jane Doe", dict(contains=["Priya solved my invoice issue in one reply."])),
        ("2026-10-21 13:30:00", 15, 2, "Had to explain the problem three times to three different people.",
         "knowledge;resolution", "Marcus", "chat", "Gil Abbott", dict(contains=["three times to three different people"])),
        ("2026-10-23 09:45:00", None, None, "", "", "Lena", "email", "Vera Lindqvist", None),
        ("2026-10-27 10:05:00", 180, 4, "Quick and friendly, though the fix for the sync bug took a while.", "resolution",
         "Lena", "email", "Hiro Tanaka", None),
        ("2026-10-30 16:20:00", 41, 1, "Closed my ticket without fixing anything.", "resolution;communication",
         "Devon", "chat", "Rosa Romero", dict(contains=["Closed my ticket without fixing anything."])),
        ("2026-11-02 11:00:00", 8, 5, "Marcus walked me through SSO setup step by step 👍", "", "Marcus", "phone",
         "Yusuf Aydin", None),
        ("2026-11-03 07:30:00", 102, 3, "", "response_time", "Priya", "email", "Daria Petrov", None),
        ("2026-11-05 14:10:00", None, None, "", "", "Devon", "chat", "Keiko Sato", None),
        ("2026-11-06 09:25:00", 300, 5, "Super Service, sehr geduldig erklärt.", "", "Lena", "phone", "Lukas Berg",
         None),
        ("2026-11-09 15:00:00", 55, 4, "Good answer, would've liked a follow-up when the fix shipped.",
         "communication", "Marcus", "email", "Olivia Brennan", None),
        ("2026-11-11 10:40:00", 20, 2, "Response took 3 days.", "response_time", "Devon", "email", "Emeka Chen", None),
        ("2026-11-13 12:12:00", 33, 5, "Lena is the best!", "", "Lena", "chat", "Freya Quist", None),
    ]
    rows, samples, answered = [], [], 0
    for sent, mins, stars, comment, areas, agent, channel, cust, s in C:
        st = T(sent)
        rid = uuid_from(r)
        got = st + dt.timedelta(minutes=mins, seconds=r.randrange(60)) if mins is not None else None
        answered += got is not None
        tick = f"{r.randint(48000, 49999)}"
        last, emp, start = staff[agent]
        rows.append([rid, st.strftime("%Y-%m-%dT%H:%M:%SZ"), "delivered", got.strftime("%Y-%m-%dT%H:%M:%SZ") if got else "",
                     str(stars) if stars else "", comment, "Coffee on us" if stars == 5 and r.random() < 0.5 else "",
                     areas, ("Yes" if stars >= 4 else "No") if stars else "", tick,
                     f"https://tandem.freshdesk.example/a/tickets/{tick}", channel, "" if not got else
                     r.choice(["billing", "mobile", "sso", "export", ""]), "Tandem", cust,
                     cust.split()[0].lower() + "." + cust.split()[-1].lower() + "@example.com", agent, last,
                     f"{agent.lower()}@tandem.example", emp, "active", "full_time", start, "Lena Fischer"])
        if s:
            samples.append(sample(rid, got.replace(tzinfo=UTC), score=stars, scale="1-5", contains=s["contains"]))
    emit("medallia_feedback_export.csv", "medallia", "utf-8", "\n", MEDALLIA_HEADER, rows, answered, samples,
         "layout from docs only (field list from Medallia's docs, up to `team_leader`)",
         "snake_case header; UTC `…Z` timestamps; `star_rating` 1–5 (not NPS); `comments` holds the text; "
         "`areas_for_improvement` `;`-separated; 2 requests never answered (empty `response_received_at`, not "
         "records); one rating without a comment")


# ============================================================================= README section
README_BEGIN = "<!-- tools.py:begin (generated by Scripts/fixturegen/tools.py; do not edit by hand) -->"
README_END = "<!-- tools.py:end -->"

TOOLS_DECISIONS = [
    "Times: naive dates (Freshdesk, Jira, Salesforce report, HubSpot, Zendesk Explore, Microsoft Forms) are read in "
    "**Europe/Berlin**; each of these files has dates on both sides of the 2026-10-25 DST change and none in the "
    "02:00–03:00 fold. `Ticket created - Date` (date only) = local midnight.",
    "`EXPECTED.json` `title` is the subject/title column (Freshdesk `Subject`, Help Scout `Subject`, Jira "
    "`Summary`, Salesforce `Subject`, HubSpot `Ticket name`, Explore `Ticket subject`, Play `Review Title`, App Store "
    "`title`, Trustpilot `Review Title`); `null` where the tool has none or the cell is empty.",
    "Text sources: Freshdesk `Description`; Intercom `user` messages (in order); Help Scout `Preview`; Jira "
    "`Description` + comments whose account id equals `Reporter Id`; Salesforce `Description`; HubSpot `Ticket "
    "description`; Microsoft Forms both open questions; Play `Review Text`; App Store `body`; Trustpilot `Review "
    "Content`; Wootric `Comment`; Medallia `comments`. Zendesk Explore has no body column, so its text is empty.",
    "`textContains` strings lie inside one line of one source cell (never across an HTML tag, a line break or two "
    "joined parts), so they hold whether tags become nothing, a space or a newline.",
    "Intercom `message_type` is `conversation` for the opening message and `comment` for the rest; there are no "
    "internal notes. Salesforce report cells are all quoted (its footer lines are; that the data cells "
    "are too is an assumption).",
    "Google Play edits keep the original `Review Submit Date and Time`; only `Review Last Update…` moves, so "
    "`createdAtUTC` does not depend on which version wins.",
    "Line endings not fixed by the brief (Intercom, Help Scout, Salesforce objects, Explore, Play, App Store, "
    "Trustpilot, Wootric, Medallia) are LF; newlines inside quoted cells are bare LF in every file.",
]


def write_readme(root):
    path = os.path.join(root, "README.md")
    with open(path, encoding="utf-8") as f:
        old = f.read()
    if README_BEGIN in old:
        head = old[:old.index(README_BEGIN)].rstrip("\n") + "\n"
        tail = old[old.index(README_END) + len(README_END):].lstrip("\n")
    else:
        head, tail = old.rstrip("\n") + "\n", ""
    L = [README_BEGIN, "", "## Tool exports (`tools/`)", "",
         "One export per tool in the tool's own layout, written by `Scripts/fixturegen/tools.py` (same provenance "
         "rules as above: synthetic Tandem text, fake PII only: `jane.doe@example.com`, `+44 20 7946 0958`, card "
         "`4111 1111 1111 1111`, IBAN `GB82 WEST 1234 5698 7654 32`). `tools/EXPECTED.json` lists, per file, the "
         "encoding, the physical data rows (`dataRows`, without the Salesforce footer), the records normalization "
         "must produce from that file alone (`records`) and sample records (source id, creation time in UTC, "
         "score and scale, title, substrings the cleaned, redacted text must or must not contain, and reply "
         "substrings). Check with `python3 Scripts/fixturegen/tools_check.py Fixtures`.", "",
         "| file | tool | encoding | line endings | data rows | records | layout confidence | quirk exercised |",
         "|---|---|---|---|---|---|---|---|"]
    for name, tool, enc, eol, n, recs, conf, quirk in README_ROWS:
        L.append(f"| `tools/{name}` | {tool} | {enc} | {eol} | {n} | {recs} | {conf.replace('|', '¦')} | "
                 f"{quirk.replace('|', '¦')} |")
    L += ["", "Choices made for `tools/`:", ""] + [f"- {d}" for d in TOOLS_DECISIONS] + ["", README_END, ""]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(head + "\n" + "\n".join(L) + (("\n" + tail) if tail else ""))


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "Fixtures"
    freshdesk(); intercom(); helpscout(); jira(); salesforce_report(); salesforce_objects(); hubspot()
    zendesk_explore(); msforms(); google_play(); appstore(); trustpilot(); wootric(); medallia()
    with open(os.path.join(OUT, "EXPECTED.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(EXPECTED, f, ensure_ascii=False, indent=2)
        f.write("\n")
    write_readme(root)
    print("ok", len(EXPECTED), "files in", OUT)


if __name__ == "__main__":
    main()
