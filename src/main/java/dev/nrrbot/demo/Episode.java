package dev.nrrbot.demo;

/**
 * A stretch of an account's life in which one signal misbehaves, as epoch days ({@code from}
 * inclusive, {@code to} exclusive).
 *
 * @param strength how far it goes, 0 to 1 (for usage: the share lost by the end)
 * @param topic    what it is about, for the words of tickets, surveys and events
 */
record Episode(Kind kind, int from, int to, double strength, String topic) {

    enum Kind {
        /** Usage and breadth fall to the end: the road to a product churn. */
        DECLINE,
        /** Usage falls, then comes back: noise on a healthy account. */
        DIP,
        /** Low usage from the first day, falling: an onboarding that never took. */
        POOR_START,
        /** More tickets, worse ones. */
        TICKETS,
        /** Errors per use rise. */
        ERRORS,
        /** Invoices fail or go unpaid. */
        BILLING,
        /** A champion or executive leaves, or a reorganisation: one event at {@code from}. */
        PEOPLE,
        /** A low NPS answer within the stretch. */
        DETRACTOR
    }

    /** Where in the stretch a day falls: 0 at its start, 1 at its end; negative outside it. */
    double progress(int day) {
        if (day < from || day >= to) {
            return -1;
        }
        return to - from <= 1 ? 1 : (day - from) / (double) (to - from - 1);
    }
}
