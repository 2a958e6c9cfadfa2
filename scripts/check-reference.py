#!/usr/bin/env python3
"""The bot's report against an independent calculation, on public reference datasets.

Written from the project's definitions (docs/definitions.md), not from the bot's code: it reads the
raw subscription CSVs, builds month-end MRR per account, computes each window's cohort figures,
then imports the same files unedited into a fresh H2 database with the jar, runs
`report --window W --format json` and compares every figure (money to the cent, ratios to 0.1
percentage point). Exits 1 on any difference, 0 with "skipped: ..." when the data is missing.

    python3 scripts/check-reference.py --jar target/nrr-bot.jar --data ../shared/reference/data

Python 3 standard library only. The reference data is not part of the project; nothing of it is
copied here.
"""
import argparse
import calendar
import csv
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import ROUND_HALF_EVEN, Decimal

CENT = Decimal("0.01")
DIVISOR = {"month": 1, "monthly": 1, "quarter": 3, "quarterly": 3, "year": 12, "yearly": 12, "annual": 12,
           "annually": 12}

# The datasets: their files, what to import, the windows to check and (optionally) --through.
# Windows are (label passed to --window, s, e) with s and e as (year, month).
DATASETS = [
    {
        "name": "ravenstack",
        "subscriptions": "ravenstack/ravenstack_subscriptions.csv",
        "imports": [("accounts", "ravenstack/ravenstack_accounts.csv"),
                    ("subscriptions", "ravenstack/ravenstack_subscriptions.csv"),
                    ("reasons", "ravenstack/ravenstack_churn_events.csv")],
        "reasons": "ravenstack/ravenstack_churn_events.csv",
        "through": None,
        "windows": ["T12M", "2024-Q2", "2023-10..2024-10", "2024-11"],
    },
    {
        "name": "dbt-mrr-playbook",
        "subscriptions": "dbt-mrr-playbook/subscription_periods.csv",
        "imports": [("subscriptions", "dbt-mrr-playbook/subscription_periods.csv")],
        "through": None,
        "windows": ["T12M", "2019-Q3", "2018-06..2019-06", "2019"],
    },
    {
        # the file's latest date is an exclusive end (2020-02-01): 2020-02 has no service at all,
        # so the last month in which customers still pay is 2020-01
        "name": "dbt-mrr-playbook --through 2020-01",
        "subscriptions": "dbt-mrr-playbook/subscription_periods.csv",
        "imports": [("subscriptions", "dbt-mrr-playbook/subscription_periods.csv")],
        "through": (2020, 1),
        "windows": ["T12M", "2019-Q4", "2020-01"],
    },
]


# ---------------------------------------------------------------- months

def add_months(ym, n):
    y, m = ym
    k = y * 12 + (m - 1) + n
    return (k // 12, k % 12 + 1)


def month_end(ym):
    return dt.date(ym[0], ym[1], calendar.monthrange(ym[0], ym[1])[1])


def fmt(ym):
    return "%04d-%02d" % ym


def parse_ym(text):
    y, m = text.split("-")
    return (int(y), int(m))


def window_months(label, latest):
    """(s, e) of a named window, per the definitions."""
    if label.upper() == "T12M":
        return add_months(latest, -12), latest
    if ".." in label:
        a, b = label.split("..")
        return parse_ym(a), parse_ym(b)
    if "-Q" in label.upper():
        y, q = label.upper().split("-Q")
        e = (int(y), int(q) * 3)
        return add_months(e, -3), e
    if len(label) == 4:
        return (int(label) - 1, 12), (int(label), 12)
    e = parse_ym(label)
    return add_months(e, -1), e


# ---------------------------------------------------------------- the ledger from subscriptions

def pick(header, *names):
    low = {h.strip().lower(): h for h in header}
    for n in names:
        if n in low:
            return low[n]
    return None


def parse_date(text):
    return dt.date.fromisoformat(text.strip()[:10])


def read_subscriptions(path):
    """[(account, start, end or None, monthly Decimal)] and every date in the file."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        h = reader.fieldnames
        acc = pick(h, "account_id", "customer_id")
        start = pick(h, "start_date")
        end = pick(h, "end_date")
        mrr = pick(h, "mrr", "mrr_amount", "monthly_amount")
        amount = pick(h, "amount")
        interval = pick(h, "interval", "billing_interval", "billing_frequency")
        subs, dates = [], []
        for row in reader:
            s = parse_date(row[start])
            e = parse_date(row[end]) if end and row[end].strip() else None
            if mrr:  # already monthly: an interval column (if any) says how it is billed, not how to divide it
                monthly = Decimal(row[mrr].strip())
            else:
                monthly = (Decimal(row[amount].strip()) / DIVISOR[row[interval].strip().lower()]).quantize(
                    CENT, ROUND_HALF_EVEN)
            subs.append((row[acc].strip(), s, e, monthly))
            dates.append(s)
            if e:
                dates.append(e)
    return subs, dates


def ledger(subs, dates, through=None):
    """{account: {ym: Decimal}} for every month from the earliest start to the latest date (or through)."""
    first = min(s for _, s, _, _ in subs)
    last = max(dates)
    months = []
    ym = (first.year, first.month)
    stop = through or (last.year, last.month)
    while ym <= stop:
        months.append(ym)
        ym = add_months(ym, 1)
    mrr = {}
    for a, s, e, monthly in subs:
        row = mrr.setdefault(a, {m: Decimal(0) for m in months})
        for m in months:
            d = month_end(m)
            if s <= d and (e is None or d < e):
                row[m] += monthly
    return months, mrr


# ---------------------------------------------------------------- reasons

# the default taxonomy of the definitions: code -> aliases (codes and aliases in any case)
TAXONOMY = {
    "product_gap": ["features", "missing_feature"], "competitor": [],
    "bugs_reliability": ["bugs", "outage", "reliability", "performance"], "support_experience": ["support"],
    "onboarding_adoption": ["onboarding", "adoption", "low_usage"], "champion_left": ["relationship"],
    "poor_fit": ["fit"], "value_awareness": [], "pricing": ["price", "cost"],
    "billing_contract": ["billing", "contract"], "staffing": [], "budget_cut": ["budget", "financial_struggle"],
    "business_closed": [], "acquired": ["merger"], "change_in_needs": [], "unknown": ["other"],
    "seat_growth": ["seats", "usage_growth"], "upsell": ["upgrade"], "cross_sell": [], "price_increase": [],
    "win_back": [],
}
CANONICAL = {a: c for c, aliases in TAXONOMY.items() for a in [c] + aliases}


def read_reasons(path):
    """[(account, date, canonical code, order in the file)]"""
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        h = reader.fieldnames
        acc, date, reason = pick(h, "account_id"), pick(h, "date", "churn_date"), pick(h, "reason", "reason_code")
        return [(r[acc].strip(), parse_date(r[date]), CANONICAL[r[reason].strip().lower()], i)
                for i, r in enumerate(reader)]


def losses(mrr, months):
    """Every churn and contraction of every account: [(account, month, amount)], by account and month."""
    out = []
    for a, row in mrr.items():
        for prev, m in zip(months, months[1:]):
            p, c = row[prev], row[m]
            if p > 0 and c < p:
                out.append((a, m, p - c))
    return out


def attach(records, lost):
    """{(account, month): code}: a record reaches the account's first loss in its month or the 3 after;
    the latest date wins, then the later record."""
    by_account = {}
    for a, m, _ in lost:
        by_account.setdefault(a, []).append(m)
    won = {}
    for a, d, code, order in records:
        ym = (d.year, d.month)
        reach = [m for m in by_account.get(a, []) if ym <= m <= add_months(ym, 3)]
        if not reach:
            continue
        key = (a, reach[0])
        if key not in won or (d, order) > won[key][0]:
            won[key] = ((d, order), code)
    return {k: v[1] for k, v in won.items()}


def unmatched(records, lost, s, e):
    """Reason records dated in (s, e] that reach no churn or contraction."""
    by_account = {}
    for a, m, _ in lost:
        by_account.setdefault(a, []).append(m)
    n = 0
    for a, d, _, _ in records:
        ym = (d.year, d.month)
        if s < ym <= e and not [m for m in by_account.get(a, []) if ym <= m <= add_months(ym, 3)]:
            n += 1
    return n


def pareto(lost, codes, s, e):
    """{reason or 'unexplained': (lost, movements)} over all accounts' losses in (s, e]."""
    out = {}
    for a, m, amount in lost:
        if s < m <= e:
            r = codes.get((a, m), "unexplained")
            t = out.get(r, (Decimal(0), 0))
            out[r] = (t[0] + amount, t[1] + 1)
    return out


# ---------------------------------------------------------------- a window

def figures(mrr, months, s, e):
    missing = [m for m in (s, e) if m not in months]
    if missing:
        return {"missing": [fmt(m) for m in missing]}
    cohort = [a for a, row in mrr.items() if row[s] > 0]
    start = sum((mrr[a][s] for a in cohort), Decimal(0))
    end = sum((mrr[a][e] for a in cohort), Decimal(0))
    kept = sum((min(mrr[a][s], mrr[a][e]) for a in cohort), Decimal(0))
    mv = {"expansion": Decimal(0), "contraction": Decimal(0), "churn": Decimal(0), "reactivation": Decimal(0)}
    m = add_months(s, 1)
    while m <= e:
        prev = add_months(m, -1)
        for a in cohort:
            p, c = mrr[a][prev], mrr[a][m]
            if p == c:
                continue
            if p > 0 and c == 0:
                mv["churn"] += p
            elif 0 < c < p:
                mv["contraction"] += p - c
            elif 0 < p < c:
                mv["expansion"] += c - p
            elif p == 0 < c:  # a cohort account paid at s: never new
                mv["reactivation"] += c
        m = add_months(m, 1)
    identity = start + mv["expansion"] + mv["reactivation"] - mv["contraction"] - mv["churn"]
    if identity != end:
        raise SystemExit("independent calculation broke End = Start + movements: %s != %s" % (identity, end))
    out = {"cohort_accounts": len(cohort), "start_mrr": start, "end_mrr": end,
           "nrr": (end / start) if start else None, "grr": (kept / start) if start else None}
    out.update(mv)
    return out


# ---------------------------------------------------------------- the bot

def bot(jar, db, *args):
    cmd = ["java", "-jar", jar] + list(args) + ["--db", db]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError("%s\nexit %d\n%s%s" % (" ".join(cmd), p.returncode, p.stdout, p.stderr))
    return p.stdout


def same(name, b, ind):
    if ind is None or b is None:
        return ind is None and b is None
    if name in ("nrr", "grr"):  # a ratio: to 0.1 percentage point
        return abs(Decimal(str(b)) - ind) < Decimal("0.0005")
    return Decimal(str(b)) == Decimal(ind)


def show(name, v):
    if v is None:
        return "none"
    if name in ("nrr", "grr"):
        return "%.1f%%" % (Decimal(str(v)) * 100)
    if name == "cohort_accounts":
        return str(v)
    return "%.2f" % Decimal(str(v))


FIGURES = ["cohort_accounts", "start_mrr", "end_mrr", "nrr", "grr", "expansion", "contraction", "churn",
           "reactivation"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jar", default="target/nrr-bot.jar")
    ap.add_argument("--data", default="../shared/reference/data")
    ap.add_argument("--quiet", action="store_true", help="do not print the bot's import messages")
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        print("skipped: no reference data at %s" % args.data)
        return 0
    jar = os.path.abspath(args.jar)
    if not os.path.isfile(jar):
        print("no jar at %s: build it first (mvn -B -q package -DskipTests)" % jar, file=sys.stderr)
        return 2
    rows, failures = [], 0
    tmp = tempfile.mkdtemp(prefix="nrr-refcheck-")
    try:
        for i, ds in enumerate(DATASETS):
            subs, dates = read_subscriptions(os.path.join(args.data, ds["subscriptions"]))
            months, mrr = ledger(subs, dates, ds["through"])
            lost = losses(mrr, months)
            records = read_reasons(os.path.join(args.data, ds["reasons"])) if ds.get("reasons") else []
            codes = attach(records, lost)
            db = "jdbc:h2:file:" + os.path.join(tmp, "db%d" % i)
            for kind, rel in ds["imports"]:
                extra = ["--through", fmt(ds["through"])] if ds["through"] and kind == "subscriptions" else []
                out = bot(jar, db, "import", kind, os.path.join(args.data, rel), *extra)
                if not args.quiet:
                    print("[%s] import %s %s%s" % (ds["name"], kind, rel, " " + " ".join(extra) if extra else ""))
                    print("".join("    " + line + "\n" for line in out.strip().splitlines()))
            for w in ds["windows"]:
                s, e = window_months(w, months[-1])
                ind = figures(mrr, months, s, e)
                rep = json.loads(bot(jar, db, "report", "--window", w, "--format", "json"))
                label = "%s (%s..%s)" % (w, fmt(s), fmt(e))
                got_window = (rep.get("window", {}).get("start"), rep.get("window", {}).get("end"))
                if got_window != (fmt(s), fmt(e)):
                    rows.append((ds["name"], label, "window", "%s..%s" % got_window, "%s..%s" % (fmt(s), fmt(e)),
                                 False))
                    failures += 1
                for f in FIGURES:
                    b = rep.get(f)
                    ok = same(f, b, ind.get(f))
                    failures += not ok
                    rows.append((ds["name"], label, f, show(f, b), show(f, ind.get(f)), ok))
                # the churn-reason Pareto: revenue lost and movements per reason, over all accounts
                par = json.loads(bot(jar, db, "reasons", "--window", w, "--format", "json"))
                got = {r["reason"]: (Decimal(str(r["lost"])), r["movements"]) for r in par.get("reasons", [])}
                want = pareto(lost, codes, s, e)
                for r in sorted(set(got) | set(want), key=lambda r: (-want.get(r, (0, 0))[0], r)):
                    b, x = got.get(r), want.get(r)
                    ok = b == x
                    failures += not ok
                    cell = lambda v: "none" if v is None else "%.2f in %d" % v
                    rows.append((ds["name"], label, "lost: " + r, cell(b), cell(x), ok))
                # the order (revenue lost, then more movements, then code) and the vital few (the shortest
                # prefix reaching 80% of the total lost), "unexplained" ranked as a row of its own
                order = sorted(want, key=lambda r: (-want[r][0], -want[r][1], r))
                total = sum((v[0] for v in want.values()), Decimal(0))
                vital, cum = [], Decimal(0)
                for r in order:
                    if total and cum >= total * Decimal("0.8"):
                        break
                    vital.append(r)
                    cum += want[r][0]
                for f, b, x in (("pareto order", [r["reason"] for r in par.get("reasons", [])], order),
                                ("vital few", par.get("vital_few"), vital)):
                    failures += b != x
                    rows.append((ds["name"], label, f, ",".join(b or []) or "none", ",".join(x) or "none", b == x))
                b, x = par.get("unmatched_reason_records"), unmatched(records, lost, s, e)
                failures += b != x
                rows.append((ds["name"], label, "unmatched reason records", str(b), str(x), b == x))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    head = ("dataset", "window", "figure", "bot", "independent", "equal?")
    table = [head] + [(d, w, f, b, x, "yes" if ok else "NO") for d, w, f, b, x, ok in rows]
    widths = [max(len(r[c]) for r in table) for c in range(len(head))]
    for r in table:
        print("  ".join(r[c].ljust(widths[c]) for c in range(len(head))).rstrip())
    if failures:
        print("%d figure(s) differ between the bot and the independent calculation" % failures)
        return 1
    print("all %d figures equal" % len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
