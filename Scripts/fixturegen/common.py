import random, datetime as dt, re, string
from textbank import *

SEED = 20261115
WEEK0 = dt.date(2026, 10, 5)          # Monday of 2026-W41
NWEEKS = 6

def rng_for(name):
    return random.Random(f"{SEED}:{name}")

def alloc_weeks(n, weights=(1.0, 1.0, 1.05, 1.05, 1.1, 1.25)):
    tot = sum(weights)
    raw = [n * w / tot for w in weights]
    counts = [int(x) for x in raw]
    rem = n - sum(counts)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - counts[i]), -i))
    for i in order[:rem]:
        counts[i] += 1
    assert all(c >= 1 for c in counts) and sum(counts) == n
    return counts

def rand_time(rng, week):
    """Local wall-clock time inside ISO week `week`, away from the week edges and DST folds:
    Monday >= 10:00, Sunday <= 13:59, otherwise 07:00-22:59."""
    while True:
        day = rng.randrange(7)
        if day >= 5 and rng.random() < 0.55:
            continue                      # fewer weekend responses
        lo, hi = 7, 22
        if day == 0: lo = 10
        if day == 6: hi = 13
        h = rng.randint(lo, hi)
        if h < 8 and rng.random() < 0.6:
            continue
        d = WEEK0 + dt.timedelta(days=7 * week + day)
        return dt.datetime(d.year, d.month, d.day, h, rng.randrange(60), rng.randrange(60))

def week_of(t):
    return (t.date() - WEEK0).days // 7

def pick_theme(rng, week, kind, exclude=()):
    mult = SOURCE_MULT.get(kind, {})
    items = [(t, WEEK_WEIGHTS[t][week] * mult.get(t, 1.0)) for t in THEMES if t not in exclude]
    items = [(t, w) for t, w in items if w > 0]
    tot = sum(w for _, w in items)
    x = rng.random() * tot
    for t, w in items:
        x -= w
        if x <= 0:
            return t
    return items[-1][0]

def fmt_short_date(d):
    return d.strftime("%b ") + str(d.day)

def make_ctx(rng, when):
    week = week_of(when)
    platform = rng.choice(["iOS", "Android"])
    seats = rng.choice([8, 10, 12, 15, 20])
    return dict(idp=rng.choice(IDPS), platform=platform,
                mdevice=rng.choice(IOS_DEVICES if platform == "iOS" else ANDROID_DEVICES),
                browser=rng.choice(BROWSERS), agent=rng.choice(AGENTS), n=rng.choice([6, 8, 9, 10, 12, 14]),
                amt=rng.choice(["49.00", "96.00", "120.00", "240.00", "588.00"]),
                seats=seats, seats2=seats - rng.choice([2, 3, 4]),
                ver=NEW_VERSION if week == 5 else rng.choice(OLD_VERSIONS),
                back=rng.randint(2, 6))

def fill(tpl, ctx, when, theme):
    ref = (when - dt.timedelta(days=ctx["back"])).date()
    ref = max(ref, dt.date(2026, 10, 1))
    if theme == "calendar":
        ref = max(ref, dt.date(2026, 11, 2))
        if ref > when.date():
            ref = when.date()
    return tpl.format(date=fmt_short_date(ref), **{k: v for k, v in ctx.items() if k != "back"})

KEEP_CAP = {"I", "I'm", "I've", "I'd", "Google", "Outlook", "Tandem", "SSO", "CSV", "2FA", "Android",
            "Excel", "Okta", "Microsoft", "OneLogin", "Azure", "Firefox", "Safari", "Chrome", "Edge"} | set(AGENTS)

def decap(s):
    w = s.split(" ", 1)[0].strip(",.!?:")
    if w in KEEP_CAP or any(c.isupper() for c in w[1:]) or not s[:1].isalpha():
        return s
    return s[0].lower() + s[1:]

PROTECT = ["log", "two-factor", "2fa", "sso", "sync", "double", "charg", "refund", "crash", "export",
           "calendar", "support", "expensive", "pric", "easy", "interface", "outlook", "google", "csv",
           "column", "tandem", "update", "startup", "@", "http", "5.", "script", "onerror"]

def typo(s, rng):
    cands = [(a, b) for a, b in TYPO_SWAPS if a in s and (a != "the " or rng.random() < 0.2)]
    if cands and rng.random() < 0.6:
        a, b = rng.choice(cands)
        return s.replace(a, b, 1)
    words = list(re.finditer(r"[A-Za-z]{5,}", s))
    words = [m for m in words if not any(p in m.group().lower() for p in PROTECT)]
    if not words:
        return s
    m = rng.choice(words)
    w = m.group()
    i = rng.randrange(1, len(w) - 2)
    op = rng.randrange(3)
    if op == 0:
        nw = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif op == 1:
        nw = w[:i] + w[i + 1:]
    else:
        nw = w[:i] + w[i] + w[i:]
    return s[:m.start()] + nw + s[m.end():]

def tone_of(themes):
    neg = any(t in NEGATIVE for t in themes)
    if "praise" in themes and not neg and "pricing" not in themes:
        return "pos"
    if "praise" in themes:
        return "mixed"
    return "neg"

def compose(rng, when, kind, used, force=None, min_sent=1, max_sent=4, allow_newlines=True):
    week = week_of(when)
    for attempt in range(200):
        theme = force or pick_theme(rng, week, kind)
        themes = [theme]
        if rng.random() < (0.3 if kind == "ticket" else 0.22):
            t2 = pick_theme(rng, week, kind, exclude=(theme,))
            themes.append(t2)
        k = 1
        r = rng.random()
        if kind == "ticket":
            k = 2 if r < 0.6 else 3 if r < 0.8 else 1
        elif kind == "review":
            k = 2 if r < 0.2 else 1
        else:
            k = 2 if r < 0.35 else 1
        k = min(k, len(BANK[theme]))
        ctx = make_ctx(rng, when)
        sents = [fill(x, ctx, when, theme) for x in rng.sample(BANK[theme], k)]
        if len(themes) > 1:
            extra = fill(rng.choice(BANK[themes[1]]), ctx, when, themes[1])
            if themes[1] == "praise" and kind != "ticket":
                sents.insert(0, extra)
            else:
                sents.append(extra)
        tone = tone_of(themes)
        if tone == "mixed" and len(sents) > 1 and sents[0] and themes[0] != "praise":
            pass
        opener = ""
        if kind != "ticket" and rng.random() < 0.22:
            opener = rng.choice({"pos": OPENERS_POS, "mixed": OPENERS_MIXED, "neg": OPENERS_NEG}[tone])
        if opener.endswith(", ") or opener.endswith(": ") or opener.endswith("but "):
            sents[0] = decap(sents[0])
        if len(sents) < max_sent and rng.random() < 0.3 and "thank" not in sents[-1].lower():
            sents.append(rng.choice(CLOSERS_POS if tone == "pos" else CLOSERS_NEG))
        sents = sents[:max_sent]
        if len(sents) < min_sent:
            continue
        seps = [" "] * (len(sents) - 1)
        if allow_newlines and seps and rng.random() < (0.35 if kind == "ticket" else 0.16):
            seps[rng.randrange(len(seps))] = rng.choice(["\n", "\n", "\n\n"])
        text = opener + sents[0]
        for sep, s in zip(seps, sents[1:]):
            text += sep + s
        if rng.random() < 0.12:
            text = typo(text, rng)
        if kind != "ticket" and rng.random() < 0.05:
            text = text.lower()
        if kind != "ticket" and text.endswith(".") and rng.random() < 0.1:
            text = text[:-1]
        nsent = len(re.findall(r"[.!?]+(?=\s|$)", text.strip())) or 1
        if nsent > max_sent:
            continue
        if text not in used:
            used.add(text)
            return text, themes, ctx
    raise RuntimeError("could not make a unique text")

def nps_score(rng, themes):
    tone = tone_of(themes)
    if tone == "pos":
        return rng.choice([8, 9, 9, 10, 10, 10])
    if tone == "mixed":
        return rng.choice([6, 7, 7, 8, 8, 9])
    if themes == ["pricing"]:
        return rng.choice([5, 6, 6, 7, 7, 8])
    if "crash" in themes or "billing" in themes:
        return rng.choice([0, 1, 2, 3, 3, 4, 5, 6])
    return rng.choice([2, 3, 4, 5, 5, 6, 6, 7])

def five_score(rng, themes):
    tone = tone_of(themes)
    if tone == "pos":
        return rng.choice([4, 5, 5])
    if tone == "mixed":
        return rng.choice([3, 4, 4])
    if themes == ["pricing"]:
        return rng.choice([2, 3, 3, 4])
    return rng.choice([1, 1, 2, 2, 3])

def person(rng, used=None):
    while True:
        f, l = rng.choice(FIRST), rng.choice(LAST)
        if used is None or (f, l) not in used:
            if used is not None:
                used.add((f, l))
            return f, l

def email_for(rng, f, l, org=None):
    if org:
        dom = re.sub(r"[^a-z]", "", org.lower().split(" ")[0]) + ".example"
    else:
        dom = rng.choice(["example.com", "example.org", "example.net"])
    style = rng.randrange(3)
    local = f"{f}.{l}" if style == 0 else f"{f[0]}{l}" if style == 1 else f"{f}{rng.randint(1, 99)}"
    return (local + "@" + dom).lower()

def ip(rng):
    return rng.choice(["192.0.2.", "198.51.100.", "203.0.113."]) + str(rng.randint(2, 254))

B62 = string.digits + string.ascii_letters
def tok(rng, n, alphabet):
    return "".join(rng.choice(alphabet) for _ in range(n))

# ---------------------------------------------------------------- CSV rendering
def qfield(f, delim):
    if any(c in f for c in (delim, '"', "\n", "\r")):
        return '"' + f.replace('"', '""') + '"'
    return f

def render(records, delim=",", eol="\n", final=True):
    """records: list of list[str] (quoted minimally) or str (a raw, pre-rendered record).
    Returns (text, start_line_of_each_record)."""
    out, starts, line = [], [], 1
    for r in records:
        s = r if isinstance(r, str) else delim.join(qfield(f, delim) for f in r)
        starts.append(line)
        out.append(s)
        line += s.count("\n") + 1
    text = eol.join(out) + (eol if final and out else "")
    return text, starts

def encode(text, enc):
    if enc == "utf-8":
        return text.encode("utf-8")
    if enc == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if enc == "utf-16le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if enc == "utf-16be":
        return b"\xfe\xff" + text.encode("utf-16-be")
    if enc == "windows-1252":
        return text.encode("cp1252")
    raise ValueError(enc)

def decode(data, enc):
    return {"utf-8": lambda b: b.decode("utf-8"), "utf-8-bom": lambda b: b.decode("utf-8-sig"),
            "utf-16le": lambda b: b.decode("utf-16"), "utf-16be": lambda b: b.decode("utf-16"),
            "windows-1252": lambda b: b.decode("cp1252")}[enc](data)
