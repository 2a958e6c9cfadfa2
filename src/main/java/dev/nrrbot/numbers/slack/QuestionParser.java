package dev.nrrbot.numbers.slack;

import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Window;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text after {@code /nrr}. Unknown words become {@link Question.Help} with the closest
 * valid command, so a typo gets "did you mean ...?" instead of an error.
 */
public final class QuestionParser {

    public static final List<String> COMMANDS = List.of("help", "function", "segment", "reasons", "trend", "account", "role", "owner",
            "owners", "flag", "flags", "schedule", "schedules", "unschedule", "readout", "target", "weight", "curve", "scorecard", "whatif");

    /** Slack escapes a mention as {@code <@U123|name>} or {@code <@U123>}. */
    private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final List<String> ROLES = List.of("admin", "cs_leader", "viewer");

    private QuestionParser() {
    }

    public static Question parse(String text) {
        String t = text == null ? "" : text.trim().replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            return new Question.Summary(null);
        }
        String[] words = t.split(" ", 2);
        String head = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1].trim() : "";
        switch (head) {
            case "help", "?", "usage":
                return Question.Help.plain();
            case "trend", "trends":
                return new Question.Trend();
            case "reasons", "reason", "why", "pareto", "churn":
                if (rest.isEmpty()) {
                    return new Question.Reasons(null);
                }
                return isWindow(rest) ? new Question.Reasons(rest) : badWindow(rest, "/nrr reasons 2026-Q3");
            case "function", "fn", "team":
                return function(rest);
            case "segment", "seg":
                return segment(rest);
            case "account", "acct", "customer":
                return rest.isEmpty() ? new Question.Help("Which account? Give its name or id.", "/nrr account Acme")
                        : new Question.AccountView(rest);
            case "role":
                return role(rest);
            case "owner":
                return owner(rest);
            case "owners":
                return new Question.Owners();
            case "flag":
                return flag(rest);
            case "flags":
                return flags(rest);
            case "schedule":
                return schedule(rest);
            case "schedules":
                return new Question.Schedules();
            case "unschedule":
                try {
                    return new Question.Unschedule(Long.parseLong(rest.replace("#", "").trim()));
                } catch (NumberFormatException e) {
                    return new Question.Help("Which schedule? Give its number from /nrr schedules.", "/nrr unschedule 3");
                }
            case "readout":
                return readout(rest);
            case "target":
                return target(rest);
            case "weight":
                return weight(rest);
            case "curve":
                return curve(rest);
            case "scorecard", "scorecards":
                return rest.isEmpty() ? new Question.Scorecard(null)
                        : isWindow(rest) ? new Question.Scorecard(rest) : badWindow(rest, "/nrr scorecard 2026-Q3");
            case "whatif", "what-if":
                return whatIf(rest);
            default:
                break;
        }
        // "/nrr 2026-Q3", "/nrr last quarter": a window on its own
        if (isWindow(t)) {
            return new Question.Summary(t);
        }
        // "/nrr product" or "/nrr eng 2026-Q3": a function name on its own
        Optional<BusinessFunction> f = BusinessFunction.parse(head);
        if (f.isPresent() && (rest.isEmpty() || isWindow(rest))) {
            return new Question.FunctionView(f.get(), rest.isEmpty() ? null : rest);
        }
        // "/nrr plan=Enterprise [window]": a segment on its own
        if (head.contains("=") && !head.startsWith("=") && !head.endsWith("=") && (rest.isEmpty() || isWindow(rest))) {
            return new Question.SegmentView(words[0], rest.isEmpty() ? null : rest);
        }
        String closest = closest(head, COMMANDS);
        return new Question.Help("I did not understand \"" + clip(t) + "\".",
                closest == null ? null : "/nrr " + closest + (rest.isEmpty() ? "" : " " + rest));
    }

    private static Question function(String rest) {
        String[] parts = rest.split(" ", 2);
        Optional<BusinessFunction> f = BusinessFunction.parse(parts[0]);
        if (rest.isEmpty() || f.isEmpty()) {
            String names = String.join(", ", Arrays.stream(BusinessFunction.values()).map(BusinessFunction::code).toList());
            String closest = rest.isEmpty() ? null : closest(parts[0].toLowerCase(Locale.ROOT),
                    Arrays.stream(BusinessFunction.values()).map(BusinessFunction::code).toList());
            return new Question.Help((rest.isEmpty() ? "Which function?" : "\"" + clip(parts[0]) + "\" is not a function.")
                    + " Functions: " + names + " (short: eng, cs, am).",
                    closest == null ? "/nrr function product" : "/nrr function " + closest);
        }
        String window = parts.length > 1 ? parts[1].trim() : null;
        if (window != null && !isWindow(window)) {
            return badWindow(window, "/nrr function " + f.get().code() + " 2026-Q3");
        }
        return new Question.FunctionView(f.get(), window);
    }

    private static Question segment(String rest) {
        String[] parts = rest.split(" ", 2);
        if (rest.isEmpty() || !parts[0].contains("=") || parts[0].endsWith("=") || parts[0].startsWith("=")) {
            return new Question.Help("A segment is KEY=VALUE, with any account attribute as the key.",
                    "/nrr segment plan=Enterprise");
        }
        String window = parts.length > 1 ? parts[1].trim() : null;
        if (window != null && !isWindow(window)) {
            return badWindow(window, "/nrr segment " + parts[0] + " 2026-Q3");
        }
        return new Question.SegmentView(parts[0], window);
    }

    private static Question role(String rest) {
        Matcher m = MENTION.matcher(rest);
        String role = rest.replaceAll(MENTION.pattern(), " ").trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (!m.find() || !ROLES.contains(role)) {
            return new Question.Help("Give a person and a role: admin, cs_leader or viewer.", "/nrr role @dana cs_leader");
        }
        return new Question.SetRole(m.group(1), role);
    }

    private static Question owner(String rest) {
        Matcher m = MENTION.matcher(rest);
        String what = rest.replaceAll(MENTION.pattern(), " ").trim().toLowerCase(Locale.ROOT);
        Optional<BusinessFunction> f = BusinessFunction.parse(what);
        if (!m.find() || (f.isEmpty() && !what.equals("escalation"))) {
            return new Question.Help("Give a function (or escalation) and a person.", "/nrr owner product @dana");
        }
        return new Question.SetOwner(f.map(BusinessFunction::code).orElse("escalation"), m.group(1));
    }

    /** The account is the words before the first function name; the note, the words after it. */
    private static Question flag(String rest) {
        if (rest.isEmpty()) {
            return new Question.NewFlag(null, null, null);
        }
        String[] words = rest.split(" ");
        for (int i = 0; i < words.length; i++) {
            Optional<BusinessFunction> f = BusinessFunction.parse(words[i]);
            if (f.isPresent() && i > 0) {
                String account = String.join(" ", Arrays.copyOfRange(words, 0, i));
                String note = i + 1 < words.length ? String.join(" ", Arrays.copyOfRange(words, i + 1, words.length)) : null;
                return new Question.NewFlag(account, f.get(), note);
            }
        }
        return new Question.NewFlag(rest, null, null);
    }

    private static Question flags(String rest) {
        if (rest.isEmpty()) {
            return new Question.Flags(null, false);
        }
        if (rest.equalsIgnoreCase("mine")) {
            return new Question.Flags(null, true);
        }
        return BusinessFunction.parse(rest).map(f -> (Question) new Question.Flags(f, false))
                .orElseGet(() -> new Question.Help("\"" + clip(rest) + "\" is not a function. Use a function or mine.",
                        "/nrr flags mine"));
    }

    /** Slack escapes a channel as {@code <#C123|name>} or {@code <#C123>}. */
    private static final Pattern CHANNEL = Pattern.compile("<#([CG][A-Z0-9]+)(?:\\|[^>]*)?>");

    private static Question schedule(String rest) {
        String example = "/nrr schedule weekly #nrr mon 09:00 Europe/Berlin";
        Matcher c = CHANNEL.matcher(rest);
        String[] words = rest.replaceAll(CHANNEL.pattern(), " ").trim().split("\\s+");
        String kind = words[0].toLowerCase(Locale.ROOT);
        if (!c.find() || !(kind.equals("weekly") || kind.equals("reasons"))) {
            return new Question.Help("Give weekly or reasons, then a channel, e.g. " + example
                    + " or /nrr schedule reasons #nrr monthly.", example);
        }
        String cadence = "weekly";
        java.time.DayOfWeek day = java.time.DayOfWeek.MONDAY;
        java.time.LocalTime at = java.time.LocalTime.of(9, 0);
        java.time.ZoneId zone = null;
        boolean names = false;
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            String lw = w.toLowerCase(Locale.ROOT);
            if (lw.equals("weekly") || lw.equals("monthly")) {
                cadence = lw;
            } else if (lw.equals("names") || lw.equals("with-names")) {
                names = true;
            } else if (lw.matches("\\d{1,2}:\\d{2}")) {
                try {
                    at = java.time.LocalTime.parse(lw.length() == 4 ? "0" + lw : lw);
                } catch (java.time.DateTimeException e) {
                    return new Question.Help("\"" + clip(w) + "\" is not a time of day; use 24-hour HH:MM such as 09:00.", example);
                }
            } else if (dayOf(lw) != null) {
                day = dayOf(lw);
            } else {
                try {
                    zone = java.time.ZoneId.of(w);
                } catch (java.time.DateTimeException e) {
                    return new Question.Help("\"" + clip(w) + "\" is not a day, time, time zone or option I know."
                            + " Days: mon..sun; time: 09:00; zones: Europe/Berlin, America/New_York, UTC; options: weekly, monthly, names.",
                            example);
                }
            }
        }
        if (kind.equals("weekly") && cadence.equals("monthly")) {
            return new Question.Help("The weekly readout is weekly; the churn-reason summary can be monthly.",
                    "/nrr schedule reasons #nrr monthly");
        }
        return new Question.ScheduleReadout(kind, c.group(1), cadence, day, at, zone, names);
    }

    private static java.time.DayOfWeek dayOf(String w) {
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (w.length() >= 3 && full.startsWith(w)) {
                return d;
            }
        }
        return null;
    }

    private static Question readout(String rest) {
        Matcher c = CHANNEL.matcher(rest);
        String quarter = rest.replaceAll(CHANNEL.pattern(), " ").trim();
        if (!c.find() || !quarter.matches("(?i)\\d{4}-?q[1-4]|last quarter")) {
            return new Question.Help("Give a quarter and a channel.", "/nrr readout 2026-Q3 #leadership");
        }
        return new Question.QuarterlyReadout(quarter, c.group(1));
    }

    private static final Pattern NUMBER = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)\\s*(%|pts?|points?|x)?", Pattern.CASE_INSENSITIVE);

    /** A number typed with an optional unit: "110%", "-1.0pts", "1.5x", "45". */
    static java.math.BigDecimal number(String text) {
        Matcher m = NUMBER.matcher(text.trim());
        return m.matches() ? new java.math.BigDecimal(m.group(1)) : null;
    }

    private static Question target(String rest) {
        String[] w = rest.split("\\s+");
        String example = "/nrr target 110%  or  /nrr target product -1.0pts 2026-Q3";
        if (rest.isEmpty()) {
            return new Question.Help("Give the company NRR target (110%) or a function and its target contribution (product -1.0pts).", example);
        }
        Optional<BusinessFunction> f = BusinessFunction.parse(w[0]);
        int at = f.isPresent() ? 1 : 0;
        java.math.BigDecimal value = w.length > at ? number(w[at]) : null;
        String period = w.length > at + 1 ? String.join(" ", Arrays.copyOfRange(w, at + 1, w.length)) : null;
        if (value == null || (period != null && !isWindow(period))) {
            return new Question.Help("\"" + clip(rest) + "\" is not a target I can read.", example);
        }
        return new Question.SetTarget(f.orElse(null), value, period);
    }

    private static Question weight(String rest) {
        String[] w = rest.split("\\s+");
        Optional<BusinessFunction> f = w.length == 2 ? BusinessFunction.parse(w[0]) : Optional.empty();
        java.math.BigDecimal pct = w.length == 2 ? number(w[1]) : null;
        if (f.isEmpty() || pct == null) {
            return new Question.Help("Give a function and the share of its variable pay tied to NRR.", "/nrr weight support 45%");
        }
        return new Question.SetWeight(f.get(), pct);
    }

    private static Question curve(String rest) {
        if (rest.isEmpty()) {
            return new Question.Curve(null, null);
        }
        String[] w = rest.toLowerCase(Locale.ROOT).split("\\s+");
        String field = w[0].replace('-', '_');
        java.math.BigDecimal value = w.length == 2 ? number(w[1]) : null;
        if (!List.of("floor", "cap", "cap_at").contains(field) || value == null) {
            return new Question.Help("Change the payout curve with floor, cap or cap-at and a value.", "/nrr curve floor 90%");
        }
        return new Question.Curve(field, value);
    }

    private static Question whatIf(String rest) {
        String example = "/nrr whatif pricing -50% product_gap -100%";
        String[] w = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        List<String> names = new java.util.ArrayList<>();
        List<java.math.BigDecimal> percents = new java.util.ArrayList<>();
        int i = 0;
        while (i + 1 < w.length && number(w[i + 1]) != null && w[i + 1].contains("%")) {
            names.add(w[i].toLowerCase(Locale.ROOT));
            percents.add(number(w[i + 1]));
            i += 2;
        }
        String window = i < w.length ? String.join(" ", Arrays.copyOfRange(w, i, w.length)) : null;
        if (names.isEmpty() || (window != null && !isWindow(window))) {
            return new Question.Help("Give a reason code or a function and how its losses change, e.g. -50%.", example);
        }
        return new Question.WhatIf(names, percents, window);
    }

    private static Question badWindow(String text, String example) {
        return new Question.Help("\"" + clip(text) + "\" is not a window I know. Windows: " + Window.SYNTAX + ".", example);
    }

    /** Whether the window parser accepts the text (checked against an arbitrary month: only the form matters). */
    static boolean isWindow(String text) {
        try {
            Window.parse(text, YearMonth.of(2026, 6));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The candidate closest to a typo: within one edit (a swap of neighbours counts as one) for words of
     * up to four letters, two for longer ones. "what" is not a typo of "whatif".
     */
    static String closest(String word, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= (word.length() <= 4 ? 1 : 2) ? best : null;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
