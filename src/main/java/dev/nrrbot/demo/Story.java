package dev.nrrbot.demo;

import dev.nrrbot.demo.Episode.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What goes wrong, and when, in one account's life: the warnings before its churns and contractions,
 * mapped from each reason code, and the noise a healthy account shows. About three churns in ten get
 * no warning at all, because real churn often comes out of nowhere.
 */
final class Story {

    static final double SILENT = 0.27;

    private final List<Episode> episodes = new ArrayList<>();

    List<Episode> episodes() {
        return episodes;
    }

    List<Episode> of(Kind kind) {
        return episodes.stream().filter(e -> e.kind() == kind).toList();
    }

    static Story of(AccountLife life, SplittableRandom r) {
        Story s = new Story();
        for (AccountLife.Run run : life.runs()) {
            for (AccountLife.Loss loss : life.losses()) {
                int day = life.monthStart(loss.month());
                if (day > run.from() && day <= run.to()) {
                    if (loss.churn()) {
                        s.beforeChurn(run, day, loss.reason(), life.monthStart(run.firstMonth()), r);
                    } else {
                        s.beforeContraction(run, day, loss.reason(), r);
                    }
                }
            }
            s.noise(run, r);
        }
        return s;
    }

    private void beforeChurn(AccountLife.Run run, int churn, String reason, int start, SplittableRandom r) {
        if (reason != null && reason.equals("onboarding_adoption") && r.nextDouble() < 0.85) {
            // the onboarding never took: usage is low and falling from the first day, whatever else happens
            add(run, Kind.POOR_START, start, churn, 0.6, reason);
            return;
        }
        if (r.nextDouble() < SILENT) {
            return;
        }
        String code = reason == null ? "unknown" : reason;
        switch (code) {
            case "product_gap", "competitor", "value_awareness", "poor_fit", "change_in_needs" -> {
                add(run, Kind.DECLINE, churn - between(r, 90, 180), churn, between(r, 0.4, 0.8), code);
                maybe(r, 0.4, run, Kind.DETRACTOR, churn - between(r, 60, 120), churn - 10, 0.8, code);
            }
            case "bugs_reliability" -> {
                add(run, Kind.TICKETS, churn - between(r, 60, 130), churn - 5, between(r, 0.5, 1), code);
                add(run, Kind.ERRORS, churn - between(r, 60, 150), churn, between(r, 0.5, 1), code);
                maybe(r, 0.5, run, Kind.DECLINE, churn - between(r, 45, 100), churn, between(r, 0.2, 0.4), code);
            }
            case "support_experience" -> {
                add(run, Kind.TICKETS, churn - between(r, 60, 130), churn - 5, between(r, 0.5, 1), code);
                maybe(r, 0.4, run, Kind.DETRACTOR, churn - 90, churn - 5, 0.8, code);
                maybe(r, 0.3, run, Kind.DECLINE, churn - between(r, 45, 100), churn, between(r, 0.2, 0.4), code);
            }
            case "billing_contract", "business_closed" -> {
                add(run, Kind.BILLING, churn - between(r, 45, 110), churn, between(r, 0.5, 1), code);
                maybe(r, code.equals("business_closed") ? 0.6 : 0.2, run, Kind.DECLINE, churn - between(r, 40, 90), churn,
                        between(r, 0.4, 0.8), code);
            }
            case "pricing" -> {
                maybe(r, 0.7, run, Kind.DETRACTOR, churn - 120, churn - 10, 0.7, code);
                maybe(r, 0.25, run, Kind.BILLING, churn - between(r, 35, 80), churn, 0.5, code);
                maybe(r, 0.3, run, Kind.DECLINE, churn - between(r, 60, 120), churn, between(r, 0.2, 0.4), code);
            }
            case "budget_cut" -> {
                maybe(r, 0.5, run, Kind.PEOPLE, churn - between(r, 40, 150), churn, 1, r.nextBoolean() ? "reorg" : "executive_change");
                maybe(r, 0.35, run, Kind.BILLING, churn - between(r, 35, 80), churn, 0.5, code);
                maybe(r, 0.4, run, Kind.DECLINE, churn - between(r, 60, 120), churn, between(r, 0.2, 0.5), code);
            }
            case "champion_left" -> {
                int left = churn - between(r, 45, 150);
                add(run, Kind.PEOPLE, left, churn, 1, "champion_left");
                maybe(r, 0.7, run, Kind.DECLINE, left, churn, between(r, 0.3, 0.6), code);
            }
            case "acquired" -> add(run, Kind.PEOPLE, churn - between(r, 40, 150), churn, 1, "acquired");
            default -> {
                Kind[] any = {Kind.DECLINE, Kind.TICKETS, Kind.PEOPLE, Kind.DETRACTOR, Kind.BILLING};
                Kind k = any[r.nextInt(any.length)];
                add(run, k, churn - between(r, 45, 120), churn, between(r, 0.3, 0.7), k == Kind.PEOPLE ? "champion_left" : code);
            }
        }
        // other warnings pile on: the team drifts away, a sponsor leaves, a survey goes sour
        if (of(Kind.DECLINE).stream().noneMatch(e -> e.to() == churn)) {
            maybe(r, 0.8, run, Kind.DECLINE, churn - between(r, 70, 150), churn, between(r, 0.25, 0.5), code);
        }
        maybe(r, 0.12, run, Kind.PEOPLE, churn - between(r, 40, 150), churn, 1, "champion_left");
        maybe(r, 0.15, run, Kind.DETRACTOR, churn - 120, churn - 10, 0.7, code);
    }

    private void beforeContraction(AccountLife.Run run, int day, String reason, SplittableRandom r) {
        String code = reason == null ? "unknown" : reason;
        String[] people = {"executive_change", "reorg", "champion_left"};
        maybe(r, 0.35, run, Kind.PEOPLE, day - between(r, 20, 100), day, 1, people[r.nextInt(people.length)]);
        if (code.equals("pricing") || code.equals("value_awareness")) {
            maybe(r, 0.4, run, Kind.DETRACTOR, day - 100, day, 0.6, code);
        }
        if (code.equals("product_gap") || code.equals("value_awareness")) {
            maybe(r, 0.4, run, Kind.DIP, day - between(r, 50, 100), day + between(r, 20, 60), between(r, 0.25, 0.45), code);
        }
    }

    /** Bad weeks that pass: a ticket burst, a usage dip, a failed card, a detractor; a few a year at most. */
    private void noise(AccountLife.Run run, SplittableRandom r) {
        double years = (run.to() - run.from()) / 365.0;
        for (int i = 0; i < poisson(r, years * 0.10); i++) {
            int at = run.from() + r.nextInt(Math.max(1, run.to() - run.from()));
            add(run, Kind.TICKETS, at, at + between(r, 20, 50), between(r, 0.2, 0.5), "burst");
        }
        for (int i = 0; i < poisson(r, years * 0.10); i++) {
            int at = run.from() + r.nextInt(Math.max(1, run.to() - run.from()));
            add(run, Kind.DIP, at, at + between(r, 40, 90), between(r, 0.2, 0.45), "dip");
        }
        for (int i = 0; i < poisson(r, years * 0.04); i++) {
            int at = run.from() + r.nextInt(Math.max(1, run.to() - run.from()));
            add(run, Kind.BILLING, at, at + 30, 0.2, "card_declined");
        }
    }

    /** Keeps the stretch inside the paid run; drops it when nothing is left. */
    private void add(AccountLife.Run run, Kind kind, int from, int to, double strength, String topic) {
        int f = Math.max(from, run.from());
        int t = Math.min(to, run.to());
        if (t > f) {
            episodes.add(new Episode(kind, f, t, strength, topic));
        }
    }

    private void maybe(SplittableRandom r, double chance, AccountLife.Run run, Kind kind, int from, int to, double strength,
                       String topic) {
        if (r.nextDouble() < chance) {
            add(run, kind, from, to, strength, topic);
        }
    }

    static int between(SplittableRandom r, int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    static double between(SplittableRandom r, double lo, double hi) {
        return lo + r.nextDouble() * (hi - lo);
    }

    /** Knuth's method: the means here are small. */
    static int poisson(SplittableRandom r, double mean) {
        double limit = Math.exp(-mean);
        double p = r.nextDouble();
        int n = 0;
        while (p > limit) {
            p *= r.nextDouble();
            n++;
        }
        return n;
    }
}
