package dev.nrrbot.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A fictional SaaS company, the same every time for the same settings: plans, regions and CSMs,
 * churn and contraction with reasons, expansion with drivers, early churn after poor onboarding,
 * and a few win-backs. Writes the three CSV files a real team would export.
 */
public final class SyntheticCompany {

    /** The files it wrote. */
    public record Files3(Path accounts, Path mrr, Path reasons) {
    }

    private static final String[] PLANS = {"Starter", "Growth", "Enterprise"};
    private static final int[] PLAN_WEIGHTS = {60, 30, 10};
    private static final long[][] PLAN_MRR = {{50_00, 400_00}, {500_00, 3_000_00}, {4_000_00, 25_000_00}};
    private static final double[] CHURN = {0.016, 0.009, 0.004};
    private static final double[] EXPAND = {0.015, 0.030, 0.040};
    private static final String[] REGIONS = {"North America", "EMEA", "APAC", "LATAM"};
    private static final int[] REGION_WEIGHTS = {45, 30, 15, 10};
    private static final String[] INDUSTRIES = {"Software", "Fintech", "Healthcare", "Retail", "Manufacturing",
            "Education", "Media", "Logistics"};
    private static final String[] CSMS = {"alex.rivera", "priya.natarajan", "sam.okafor", "jo.lindqvist",
            "maria.gonzalez", "kenji.watanabe", "fatima.haddad", "tom.becker"};
    private static final String[] NAME_A = {"Acorn", "Beacon", "Cedar", "Delta", "Ember", "Fjord", "Granite", "Harbor",
            "Iris", "Juniper", "Kestrel", "Lumen", "Maple", "Nimbus", "Orchid", "Pioneer", "Quartz", "Raven", "Summit",
            "Tidal", "Umber", "Vista", "Willow", "Xenon", "Yarrow", "Zephyr"};
    private static final String[] NAME_B = {"Labs", "Logistics", "Health", "Analytics", "Foods", "Robotics", "Media",
            "Capital", "Learning", "Studios", "Systems", "Outdoors", "Energy", "Travel", "Clinics", "Networks"};

    private static final String[] CHURN_REASONS = {"product_gap", "competitor", "bugs_reliability", "support_experience",
            "onboarding_adoption", "champion_left", "poor_fit", "value_awareness", "pricing", "billing_contract",
            "budget_cut", "business_closed", "acquired", "change_in_needs", "unknown"};
    private static final int[] CHURN_WEIGHTS = {22, 10, 12, 10, 12, 8, 6, 5, 9, 4, 8, 3, 2, 4, 5};
    private static final String[] CONTRACTION_REASONS = {"pricing", "budget_cut", "product_gap", "value_awareness",
            "change_in_needs", "billing_contract", "staffing"};
    private static final int[] CONTRACTION_WEIGHTS = {25, 25, 15, 15, 10, 8, 2};
    private static final String[] DRIVERS = {"seat_growth", "upsell", "cross_sell", "price_increase"};
    private static final int[] DRIVER_WEIGHTS = {45, 30, 15, 10};

    private final int accounts;
    private final YearMonth first;
    private final YearMonth last;
    private final long seed;

    public SyntheticCompany(int accounts, YearMonth last, int months, long seed) {
        if (accounts < 1 || months < 2) {
            throw new IllegalArgumentException("need at least 1 account and 2 months");
        }
        this.accounts = accounts;
        this.last = last;
        this.first = last.minusMonths(months - 1L);
        this.seed = seed;
    }

    /** The demo company: 1,200 accounts over the 36 months to October 2026. */
    public static SyntheticCompany demo() {
        return new SyntheticCompany(1_200, YearMonth.of(2026, 10), 36, 20261022L);
    }

    public Files3 writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files3 out = new Files3(dir.resolve("demo-accounts.csv"), dir.resolve("demo-mrr.csv"), dir.resolve("demo-reasons.csv"));
        int months = months();
        SplittableRandom rnd = new SplittableRandom(seed);
        try (CSVPrinter acc = printer(out.accounts(), "account_id", "name", "csm_email", "renewal_date", "plan", "region",
                "industry");
             CSVPrinter mrr = printer(out.mrr(), "account_id", "month", "mrr");
             CSVPrinter why = printer(out.reasons(), "account_id", "date", "reason", "note")) {
            List<String> monthText = new ArrayList<>();
            for (int m = 0; m < months; m++) {
                monthText.add(first.plusMonths(m).toString());
            }
            for (int i = 0; i < accounts; i++) {
                simulate(i, rnd.split(), acc, mrr, why, monthText);
            }
        }
        return out;
    }

    /** The seed of its random stream; the demo's signals derive theirs from it. */
    public long seed() {
        return seed;
    }

    /** Its last month: nothing it writes is dated later. */
    public YearMonth lastMonth() {
        return last;
    }

    public int months() {
        return (int) java.time.temporal.ChronoUnit.MONTHS.between(first, last) + 1;
    }

    private void simulate(int i, SplittableRandom r, CSVPrinter acc, CSVPrinter mrr, CSVPrinter why, List<String> monthText)
            throws IOException {
        int months = monthText.size();
        String id = String.format("ACME-%05d", i + 1);
        int plan = pick(r, PLAN_WEIGHTS);
        boolean existing = r.nextInt(100) < 45;
        int startMonth = existing ? 0 : 1 + r.nextInt(months - 1);
        boolean poorOnboarding = !existing && r.nextInt(100) < 18;
        long base = PLAN_MRR[plan][0] + r.nextLong(PLAN_MRR[plan][1] - PLAN_MRR[plan][0]);
        base = base / 100 * 100; // whole currency units, as price lists are
        long[] series = new long[months];
        long current = base;
        boolean active = true;
        int churnedAt = -1;
        int comeBack = -1;
        for (int m = startMonth; m < months; m++) {
            if (!active) {
                if (m == comeBack) {
                    active = true;
                    current = Math.max(100, current * (60 + r.nextInt(41)) / 100 / 100 * 100);
                    reason(why, r, id, m, "win_back", 90, 0);
                } else {
                    continue;
                }
            } else if (m > startMonth) {
                int age = m - startMonth;
                double churn = CHURN[plan] + (poorOnboarding && age <= 3 ? 0.15 : 0);
                double roll = r.nextDouble();
                if (roll < churn) {
                    active = false;
                    churnedAt = m;
                    String code = poorOnboarding && age <= 3 && r.nextInt(100) < 75 ? "onboarding_adoption"
                            : CHURN_REASONS[pick(r, CHURN_WEIGHTS)];
                    reason(why, r, id, m, code, 85, 2);
                    if (r.nextInt(100) < 8 && m + 2 < months) {
                        comeBack = m + 2 + r.nextInt(Math.min(8, months - m - 2));
                    }
                    continue;
                } else if (roll < churn + 0.012) {
                    long cut = current * (10 + r.nextInt(31)) / 100 / 100 * 100;
                    if (cut > 0 && current - cut > 0) {
                        current -= cut;
                        reason(why, r, id, m, CONTRACTION_REASONS[pick(r, CONTRACTION_WEIGHTS)], 85, 1);
                    }
                } else if (roll < churn + 0.012 + EXPAND[plan]) {
                    long add = Math.max(100, current * (10 + r.nextInt(41)) / 100 / 100 * 100);
                    current += add;
                    reason(why, r, id, m, DRIVERS[pick(r, DRIVER_WEIGHTS)], 70, 0);
                }
            }
            series[m] = current;
        }
        if (r.nextInt(100) < 1) {
            // a note about an account that did not move: it stays unmatched, as real data has
            reason(why, r, id, r.nextInt(months), "champion_left", 100, 0);
        }
        String name = NAME_A[i % NAME_A.length] + " " + NAME_B[(i / NAME_A.length) % NAME_B.length]
                + (i >= NAME_A.length * NAME_B.length ? " " + (i / (NAME_A.length * NAME_B.length) + 1) : "");
        LocalDate renewal = last.plusMonths(1 + r.nextInt(12)).atDay(1 + r.nextInt(28));
        acc.printRecord(id, name, CSMS[i % CSMS.length] + "@acme-saas.example", churnedAt >= 0 && series[months - 1] == 0 ? "" : renewal,
                PLANS[plan], REGIONS[pick(r, REGION_WEIGHTS)], INDUSTRIES[r.nextInt(INDUSTRIES.length)]);
        for (int m = 0; m < months; m++) {
            mrr.printRecord(id, monthText.get(m), series[m] / 100 + "." + String.format("%02d", series[m] % 100));
        }
    }

    /** Writes a record for the movement in month {@code m} with the given chance, dated up to {@code early} months before. */
    private void reason(CSVPrinter why, SplittableRandom r, String id, int m, String code, int chance, int early)
            throws IOException {
        if (r.nextInt(100) >= chance) {
            return;
        }
        YearMonth month = first.plusMonths(m - (early == 0 ? 0 : r.nextInt(early + 1)));
        LocalDate date = month.atDay(1 + r.nextInt(month.lengthOfMonth()));
        why.printRecord(id, date, code, Notes.of(code, r));
    }

    private static int pick(SplittableRandom r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).setRecordSeparator("\n").get());
    }

    /** Short notes a CSM might write; empty most of the time, as in real exports. */
    private static final class Notes {
        static String of(String code, SplittableRandom r) {
            if (r.nextInt(100) < 60) {
                return "";
            }
            return switch (code) {
                case "product_gap" -> "Needed SSO and audit logs for their security review";
                case "competitor" -> "Moved to a cheaper all-in-one suite";
                case "bugs_reliability" -> "Two outages during their month-end close";
                case "support_experience" -> "Tickets waited days, escalations went nowhere";
                case "onboarding_adoption" -> "Never finished setup; only one user logged in";
                case "champion_left" -> "Our sponsor left, the new lead never engaged";
                case "pricing" -> "Renewal price too high for their usage";
                case "budget_cut" -> "Company-wide spending freeze";
                case "seat_growth" -> "Rolled out to a second team";
                case "upsell" -> "Upgraded for advanced reporting";
                case "win_back" -> "Came back after the new importer shipped";
                default -> "";
            };
        }
    }
}
