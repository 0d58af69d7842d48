import csv, io, json, sys, datetime as dt, collections
from zoneinfo import ZoneInfo
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from common import decode
OUT = sys.argv[1]
UTC = ZoneInfo("UTC")
LO, HI = dt.datetime(2026,10,5,0,0,tzinfo=UTC), dt.datetime(2026,11,15,23,59,59,tzinfo=UTC)
spec = {  # path: (date col, format, zone)
 'sample/qualtrics_nps_3header.csv': (0, '%Y-%m-%d %H:%M:%S', 'America/Denver'),
 'sample/surveymonkey_2header.csv': (2, '%m/%d/%Y %I:%M:%S %p', 'America/New_York'),
 'sample/typeform_export.csv': (12, '%Y-%m-%d %H:%M:%S', 'UTC'),
 'sample/googleforms_responses.csv': (0, '%m/%d/%Y %H:%M:%S', 'America/Los_Angeles'),
 'sample/zendesk_tickets.csv': (16, '%Y-%m-%d %H:%M:%S', 'UTC'),
 'sample/delighted_nps.csv': (5, '%Y-%m-%d %H:%M:%S', 'UTC'),
 'edge/bom_qualtrics_legacy_2header.csv': (7, '%Y-%m-%d %H:%M:%S', 'UTC'),
 'edge/utf16le_delighted.csv': (5, '%Y-%m-%d %H:%M:%S', 'UTC'),
 'edge/windows1252_msforms.csv': (1, '%m/%d/%Y %H:%M', 'Europe/London'),
 'edge/crlf_lf_in_quotes_googleforms.csv': (0, '%m/%d/%Y %H:%M:%S', 'UTC'),
 'edge/qualtrics_3header_tz.csv': (0, '%Y-%m-%d %H:%M:%S', 'Europe/Zurich'),
 'edge/typeform_duplicate_headers.csv': (16, '%Y-%m-%d %H:%M:%S', 'UTC'),
 'edge/semicolon_delighted.csv': (5, '%Y-%m-%d %H:%M:%S', 'UTC'),
 'edge/unknown_tool.csv': (1, '%Y-%m-%dT%H:%M:%SZ', 'UTC'),
 'mapped/app_reviews_2026.csv': (1, '%d/%m/%Y %H:%M', 'Europe/Berlin'),
}
man = {e['path']: e for e in json.load(open(f'{OUT}/MANIFEST.json'))}
for p, (col, fmt, zone) in spec.items():
    e = man[p]
    t = decode(open(f'{OUT}/{p}','rb').read(), e['encoding'])
    rows = list(csv.reader(io.StringIO(t, newline=''), delimiter=e['delimiter']))[e['headerRows']:]
    assert len(rows) == e['dataRows'], p
    weeks = collections.Counter()
    for r in rows:
        local = dt.datetime.strptime(r[col], fmt)
        for z in (zone, 'UTC', 'America/Los_Angeles', 'Europe/Berlin'):
            u = local.replace(tzinfo=ZoneInfo(z)).astimezone(UTC)
            assert LO <= u <= HI, (p, r[col], z)
            assert u.isocalendar()[1] == local.isocalendar()[1], (p, r[col], z)
        weeks[local.isocalendar()[1]] += 1
    print(f'{p:45s}', dict(sorted(weeks.items())))
# all weeks covered in sample
print('ok')
