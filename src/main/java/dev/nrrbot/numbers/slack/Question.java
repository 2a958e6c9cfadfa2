package dev.nrrbot.numbers.slack;

import dev.nrrbot.metrics.BusinessFunction;

/** What someone asked with {@code /nrr}, parsed from the text and free of Slack types. */
public sealed interface Question {

    /** {@code /nrr [window]}: the company report. */
    record Summary(String window) implements Question {
    }

    /** {@code /nrr function product [window]}. */
    record FunctionView(BusinessFunction function, String window) implements Question {
    }

    /** {@code /nrr segment plan=Enterprise [window]}. */
    record SegmentView(String segment, String window) implements Question {
    }

    /** {@code /nrr reasons [window]}. */
    record Reasons(String window) implements Question {
    }

    /** {@code /nrr trend}. */
    record Trend() implements Question {
    }

    /** {@code /nrr account NAME-OR-ID}. */
    record AccountView(String query) implements Question {
    }

    /** {@code /nrr role @user admin|cs_leader|viewer}. */
    record SetRole(String userId, String role) implements Question {
    }

    /** {@code /nrr owner product @dana} or {@code /nrr owner escalation @vp}. */
    record SetOwner(String function, String userId) implements Question {
    }

    /** {@code /nrr owners}. */
    record Owners() implements Question {
    }

    /** {@code /nrr flag ACCOUNT FUNCTION note...}; any part may be missing, and then a modal asks. */
    record NewFlag(String account, BusinessFunction function, String note) implements Question {
        public boolean complete() {
            return account != null && function != null && note != null;
        }
    }

    /** {@code /nrr flags [FUNCTION|mine]}. */
    record Flags(BusinessFunction function, boolean mine) implements Question {
    }

    /** {@code /nrr schedule weekly #channel [mon 09:00] [Europe/Berlin] [names]} or {@code schedule reasons #channel [weekly|monthly]}. */
    record ScheduleReadout(String kind, String channelId, String cadence, java.time.DayOfWeek weekday, java.time.LocalTime at,
                           java.time.ZoneId zone, boolean names) implements Question {
    }

    /** {@code /nrr schedules}. */
    record Schedules() implements Question {
    }

    /** {@code /nrr unschedule ID}. */
    record Unschedule(long id) implements Question {
    }

    /** {@code /nrr readout 2026-Q3 #channel}. */
    record QuarterlyReadout(String quarter, String channelId) implements Question {
    }

    /** {@code /nrr target 110% [2026-Q3]} (function null) or {@code /nrr target product -1.0pts [2026-Q3]}. */
    record SetTarget(BusinessFunction function, java.math.BigDecimal value, String period) implements Question {
    }

    /** {@code /nrr weight support 45%}. */
    record SetWeight(BusinessFunction function, java.math.BigDecimal percent) implements Question {
    }

    /** {@code /nrr curve} shows it; {@code /nrr curve floor 90%}, {@code cap 1.5}, {@code cap-at 125%} change it. */
    record Curve(String field, java.math.BigDecimal value) implements Question {
    }

    /** {@code /nrr scorecard [quarter]}. */
    record Scorecard(String window) implements Question {
    }

    /** {@code /nrr whatif pricing -50% product_gap -100% [window]}: each name is a reason code or a function. */
    record WhatIf(java.util.List<String> names, java.util.List<java.math.BigDecimal> percents, String window) implements Question {
    }

    /** {@code /nrr help}, or text we could not read: {@code problem} says what, {@code suggestion} may help. */
    record Help(String problem, String suggestion) implements Question {
        public static Help plain() {
            return new Help(null, null);
        }
    }
}
