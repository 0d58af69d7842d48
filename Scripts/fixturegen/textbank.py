"""Invented feedback text for the fictional product "Tandem". All text written for Earshot fixtures."""

THEMES = ["login", "sync", "billing", "crash", "export", "support", "pricing", "praise", "calendar"]

# relative weight of each theme per ISO week index (0 = 2026-W41 ... 5 = 2026-W46)
WEEK_WEIGHTS = {
    "login":    [1.0, 1.0, 1.4, 1.0, 0.9, 0.9],
    "sync":     [0.9, 1.1, 0.9, 0.8, 0.8, 0.7],
    "billing":  [0.6, 0.6, 0.6, 0.7, 1.3, 0.8],
    "crash":    [0.35, 0.35, 0.4, 0.35, 0.45, 2.8],
    "export":   [0.5, 0.9, 0.6, 0.5, 0.5, 0.4],
    "support":  [0.5, 0.5, 0.6, 0.6, 0.8, 0.8],
    "pricing":  [0.6, 0.6, 0.6, 0.6, 0.6, 0.5],
    "praise":   [1.2, 1.2, 1.1, 1.2, 1.0, 0.9],
    "calendar": [0.0, 0.0, 0.0, 0.0, 1.0, 1.4],
}

SOURCE_MULT = {
    "nps":    {"praise": 1.5, "pricing": 1.3},
    "survey": {"praise": 1.1, "export": 1.2},
    "ticket": {"praise": 0.25, "pricing": 0.4, "billing": 1.6, "login": 1.3, "export": 1.2, "support": 0.9},
    "review": {"crash": 1.5, "praise": 1.1, "sync": 1.2},
}

NEGATIVE = {"login", "sync", "billing", "crash", "export", "support", "calendar"}

IOS_DEVICES = ["iPhone 15", "iPhone 13 mini", "iPhone 12", "iPad Air", "iPhone SE"]
ANDROID_DEVICES = ["Pixel 8", "Pixel 7a", "Galaxy S23", "Galaxy A54", "OnePlus 11", "Moto G"]
MOBILE_DEVICES = IOS_DEVICES + ANDROID_DEVICES
BROWSERS = ["Firefox", "Safari", "Chrome", "Edge"]
IDPS = ["Okta", "Google", "Microsoft", "OneLogin", "Azure AD"]
AGENTS = ["Priya", "Marcus", "Lena", "Tomás", "Aiko", "Devon"]
OLD_VERSIONS = ["5.1.1", "5.1.2", "5.1.3"]
NEW_VERSION = "5.2.0"

BANK = {
"login": [
    "I can't log in since yesterday, the two-factor code never arrives.",
    "The 2FA text message takes ages to show up and by then the code has expired.",
    "SSO with {idp} keeps bouncing me back to the login page.",
    "Every morning I have to log in again on the web app, it never remembers me.",
    "Our team switched to {idp} SSO and half of us can't log in anymore.",
    "Two-factor locked me out after I changed phones and I couldn't find any backup codes.",
    "Login with {idp} SSO fails with \"invalid state\" about once a day.",
    "The Android app logs me out randomly and then the two-factor prompt just loops.",
    "The password reset email landed in spam and the link had expired by the time I found it, so I still couldn't log in.",
    "Please let admins reset two-factor for team members, someone on our team gets stuck every week.",
    "After we turned on SSO our contractors can't log in at all because they're not in our directory.",
    "The login screen on iOS just spins forever.",
    "It asks for my two-factor code twice in a row, every time.",
    "Took me 20 minutes to log in this morning.",
    "Can't log in on my {mdevice}, it says my session expired right after I enter the code.",
    "Two-factor via the authenticator app works on web but the iOS app rejects the same code.",
    "SSO login works in {browser} but not in the desktop wrapper.",
    "Logging in is a pain, I get the two-factor prompt on every device every day.",
    "I was locked out for two days because the 2FA codes stopped coming.",
    "New hires can't log in with SSO until someone manually invites them, which defeats the point.",
],
"sync": [
    "Changes I make on my laptop take several minutes to show up on my phone.",
    "Sync between the iOS app and the web is really slow, sometimes 5+ minutes.",
    "Tasks I complete on Android still show as open on the web until I refresh a few times.",
    "Slow sync is killing our standups, people see different boards on different devices.",
    "Comments show up right away but due dates take forever to sync across devices.",
    "The \"syncing\" spinner on my {mdevice} never goes away.",
    "I moved a card on desktop and my teammate didn't see it on his phone for ten minutes.",
    "Offline edits sometimes don't sync at all and I lose them.",
    "Sync used to be instant, now it lags behind by minutes.",
    "Had to force quit the app to make it sync.",
    "Why does it take so long to sync between my phone and the web app?",
    "Slow sync between devices, my checklist on the {mdevice} is always one step behind.",
    "Sync between web and mobile is the weakest part of Tandem right now.",
    "I edited a task on the train and it only synced when I got to the office an hour later.",
    "Our team keeps overwriting each other because sync is so slow.",
    "The web app and the Android app disagree about which tasks are done until sync catches up.",
],
"billing": [
    "I was double charged for the Team plan this month.",
    "We got double charged on {date} and nobody has answered about the refund.",
    "Still waiting for the refund you promised two weeks ago.",
    "Refund not received yet, it's been {n} business days.",
    "I downgraded to Free but was charged for Business anyway, please refund it.",
    "The invoice shows two identical charges of ${amt}.",
    "Got double charged after updating my credit card.",
    "Your billing page says the refund was issued but my bank shows nothing.",
    "Charged for {seats} seats when we only have {seats2} active users.",
    "Why was I double charged?? Please refund the extra charge.",
    "Cancelled in October and still got billed in November, I want a refund.",
    "Our card was double charged on the renewal, ${amt} twice.",
    "The refund for the duplicate charge still hasn't arrived.",
    "Billing charged us for the annual plan and the monthly plan at the same time.",
    "I was told the refund would take 3-5 days, it's been {n}.",
    "Double charged again. This is the second month in a row.",
],
"crash": [
    "The {platform} app crashes on startup since the {ver} update.",
    "The app crashes right after the splash screen on my {mdevice}.",
    "Since updating to {ver} the {platform} app crashes every time I open it.",
    "It crashes when I open a project with lots of attachments.",
    "Crashes immediately after the latest update, reinstalling did not help.",
    "The app keeps crashing on launch, I can only use the web version now.",
    "Crash on startup, every single time. {mdevice}, latest update.",
    "After the update the app opens for a second and then crashes.",
    "The mobile app crashes whenever I switch workspaces.",
    "Three crashes today alone, all after the update.",
    "App crashes on startup on my {mdevice}, cleared the cache and it still crashes.",
    "The {platform} app crashes when I try to attach a photo.",
    "Since {ver} it crashes before I even see my task list.",
    "The app crashes on startup after the update, our field team can't check their tasks.",
    "Mobile crashes constantly since this week's update.",
    "It crashes every time I rotate the screen on my {mdevice}.",
],
"export": [
    "CSV export is broken, the file is missing the Assignee and Due date columns.",
    "When I export a project to CSV half the columns are empty.",
    "The export button does nothing in {browser}.",
    "Export to CSV drops all custom fields, which is the only reason we use it.",
    "Our monthly report depends on the CSV export and it's been missing columns since last week.",
    "The exported CSV opens in Excel with all the accents garbled.",
    "The export only includes the first 500 tasks.",
    "Please bring back the \"Completed at\" column in the export.",
    "Export takes forever and then emails me an empty file.",
    "CSV export is missing columns again, no Tags and no Priority.",
    "The export puts every comment in one cell with no separator.",
    "I need a working export for our client reports and right now the CSV is useless.",
    "Exporting a board gives me a CSV with the wrong headers.",
],
"support": [
    "Support takes days to respond.",
    "I opened a ticket {n} days ago and still no reply from support.",
    "Slow support response time, the chat says \"we'll get back to you\" and nobody does.",
    "Waited 4 days for a first response from support, on a billing issue.",
    "Support response time has gotten much worse this year.",
    "Your support team only answers by email and it takes forever.",
    "I had to email support three times before anyone looked at my ticket.",
    "Nobody from support has replied to my ticket yet.",
    "It took support a week to answer a simple question.",
    "Support is slow to respond, and the first reply was a canned answer that didn't help.",
    "The support response time is not acceptable for a paid plan.",
],
"pricing": [
    "Too expensive for a small team like ours.",
    "The Team plan price is steep for a 4-person team.",
    "Pricing per seat makes it expensive for small teams, please add a starter tier.",
    "Love it, but the price went up and we are only 3 people.",
    "We're a nonprofit of five people and Business is way too expensive.",
    "The 5-seat minimum on the Team plan is too expensive for a team of two.",
    "Good product, pricing is the only reason I'm not a 10.",
    "Would upgrade if it were cheaper for small teams.",
    "Too expensive compared to the other tools we tried.",
    "The price jump from Free to Team is too big for a small team.",
    "Pricing is fair for big companies but too expensive for freelancers.",
],
"praise": [
    "Clean interface, easy to use, and my team picked it up in a day.",
    "Really easy to use, the clean interface is why we moved off spreadsheets.",
    "Great support agent, {agent} fixed my problem in ten minutes.",
    "{agent} from support was fantastic, thank you!",
    "Simple, clean, fast. Easy to use even for the non-technical folks.",
    "Best project tool we've tried. Easy to use and it looks great.",
    "The board view is so clean and easy to use.",
    "Love the clean interface and the keyboard shortcuts.",
    "Great support, great product.",
    "Onboarding was easy and the templates saved me hours.",
    "Easy to use on both the web and the phone.",
    "Our designers love the clean interface.",
    "Had a great support agent ({agent}) who actually followed up the next day.",
    "It's easy to use and it just works.",
    "Everything is where you'd expect it, very easy to use.",
    "The clean interface makes our weekly planning so much calmer.",
],
"calendar": [
    "Google Calendar sync stopped working, deadlines no longer show up in my calendar.",
    "The Outlook calendar integration stopped working last week.",
    "Calendar integration is broken: new tasks don't appear in Google Calendar anymore.",
    "Our due dates stopped syncing to Outlook around {date}.",
    "Calendar sync with Google stopped working for our whole team.",
    "I reconnected Google Calendar twice and it still says connected but nothing shows up.",
    "Meetings from my Outlook calendar no longer show in the timeline.",
    "The calendar integration stopped working, is this a known issue?",
    "Since {date} the Google Calendar integration only shows tasks from one project.",
    "Outlook calendar events are duplicated and then disappear, the integration seems broken.",
    "Calendar integration stopped working after I changed my Google password.",
    "We rely on the Outlook calendar sync for client meetings and it stopped working.",
],
}

# one-line subjects for support tickets
SUBJECTS = {
    "login": ["Can't log in - 2FA code not arriving", "SSO login loop", "Locked out after changing phone",
              "Two-factor code rejected", "Login keeps failing", "SSO not working for contractors",
              "Unable to log in on iOS"],
    "sync": ["Sync between devices very slow", "Changes not syncing to mobile", "Tasks out of sync",
             "Offline edits lost", "Sync delay web vs Android"],
    "billing": ["Double charged this month", "Refund status?", "Refund not received",
                "Duplicate charge on invoice", "Charged after cancelling", "Wrong number of seats billed",
                "Double charged on renewal"],
    "crash": ["App crashes on startup after update", "{platform} app crashing", "{platform} app crashes on launch",
              "Crash when opening project", "App crashes since {ver}"],
    "export": ["CSV export missing columns", "Export broken", "Export button does nothing",
               "Custom fields missing from export", "Empty CSV export"],
    "support": ["No reply to my ticket", "Still waiting for a response", "Third follow-up"],
    "pricing": ["Pricing for small teams", "Discount for nonprofits?", "Seat minimum question"],
    "praise": ["Thank you!", "Kudos to your support team", "Just wanted to say thanks"],
    "calendar": ["Google Calendar sync stopped working", "Outlook calendar integration broken",
                 "Calendar integration not updating", "Calendar events missing"],
}

PRODUCT_AREA = {"login": "Login & SSO", "sync": "Sync", "billing": "Billing", "crash": "Mobile app",
                "export": "Export", "support": "Other", "pricing": "Billing", "praise": "Other",
                "calendar": "Integrations"}

TICKET_TAGS = {"login": ["login", "2fa", "sso", "account_access"], "sync": ["sync", "performance"],
               "billing": ["billing", "double_charge", "refund"], "crash": ["mobile", "crash"],
               "export": ["export", "csv"], "support": ["followup", "escalation"],
               "pricing": ["pricing", "sales"], "praise": ["feedback", "kudos"],
               "calendar": ["integrations", "calendar", "google_calendar", "outlook"]}

OPENERS_NEG = ["Honestly, ", "Hi, ", "Hey team, ", "Ugh. ", "Been using Tandem for two years. ",
               "Not happy right now. ", "Quick note: ", "So, ", "Overall fine but ", "Mostly good, but "]
OPENERS_MIXED = ["Honestly, ", "Hi, ", "Quick note: ", "Been using Tandem for two years. ", "Overall: ", "Two things. "]
OPENERS_POS = ["Honestly, ", "Hi! ", "Short version: ", "", "Overall: ", "We love Tandem. "]
CLOSERS_NEG = ["Please fix.", "Very frustrating.", "Considering switching to another tool.",
               "Otherwise a great product.", "Thanks.", "Please look into it.", "This needs fixing asap.",
               "Not what I expect from a paid tool.", "Let me know if you need logs.", "Help!"]
CLOSERS_POS = ["Thanks!", "Keep it up.", "Thank you, team.", "Would recommend.", "Great job.",
               "Keep up the good work!"]

TYPO_SWAPS = [("the ", "teh "), ("definitely", "definately"), ("because", "becuase"),
              ("really", "realy"), ("which", "wich"), ("anymore", "any more"), ("until", "untill"),
              ("their", "thier"), ("since", "sinc"), ("every", "evry"), ("through", "thru"),
              ("doesn't", "doesnt"), ("can't", "cant"), ("I'm", "im"), ("it's", "its"),
              ("don't", "dont"), ("didn't", "didnt")]

FIRST = ["Amara", "Ben", "Carla", "Dmitri", "Elif", "Farah", "Gustavo", "Hana", "Ivan", "Jonas", "Keiko",
         "Liam", "Maya", "Nikhil", "Olivia", "Pedro", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera",
         "Wen", "Ximena", "Yusuf", "Zoe", "Aditya", "Bianca", "Chidi", "Daria", "Emeka", "Freya", "Gil",
         "Hiro", "Ines", "Jamal", "Kasia", "Lucas", "Mei", "Noah", "Oksana", "Pablo", "Rahul", "Sofia",
         "Theo", "Uma", "Valentina", "Will", "Yara", "Zain"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Petrov", "Yilmaz", "Haddad", "Ribeiro", "Sato", "Novak", "Berg",
        "Nakamura", "Walsh", "Castillo", "Iyer", "Brennan", "Alves", "Fischer", "Kowalczyk", "Dubois", "Chen",
        "Mensah", "Schulz", "Tanaka", "Romero", "Aydin", "Hughes", "Kaur", "Larsen", "Ivanova", "Osei",
        "Marsh", "Delgado", "Keller", "Nguyen", "Farouk", "Holm", "Reyes", "Abbott", "Varga", "Quist"]
ORGS = ["Brightlane Studio", "Northwind Labs", "Copper Kettle Coffee", "Fjord & Pine", "Helix Robotics",
        "Maple Street Dental", "Orbit Creative", "Quill & Co", "Riverbend Builders", "Saltmarsh Games",
        "Lumen Events", "Tallgrass Farms", "Beacon Legal", "Pebble Analytics", "Juniper Schools"]
