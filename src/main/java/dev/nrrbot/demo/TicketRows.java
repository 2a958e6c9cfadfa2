package dev.nrrbot.demo;

import dev.nrrbot.demo.Episode.Kind;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Support tickets: a few a month, more for bigger accounts; in a ticket spike, a burst of worse ones
 * (high or urgent, escalated, answered late, rated low). A bugs spike is urgent, a support one slow.
 */
final class TicketRows {

    private static final String[] PRIORITIES = {"low", "normal", "high", "urgent"};

    static final String HEADER = "ticket_id,account_id,opened_at,closed_at,priority,first_response_minutes,satisfaction,escalated";

    private final PlainCsv out;
    private final int end;
    private int next = 1;

    /** {@code end}: the export's last epoch day; a ticket closed after it is still open. */
    TicketRows(PlainCsv out, int end) {
        this.out = out;
        this.end = end;
    }

    void write(AccountLife life, Story story, SplittableRandom r) throws IOException {
        List<int[]> opened = new ArrayList<>(); // {day, episode index or -1}
        for (AccountLife.Run run : life.runs()) {
            for (int m = run.firstMonth(); life.monthStart(m) < run.to(); m++) {
                double size = Math.sqrt(life.mrrCents()[m] / 5_000.0);
                int from = life.monthStart(m);
                int days = life.monthStart(m + 1) - from;
                for (int i = 0; i < Story.poisson(r, 0.15 + 0.1 * size); i++) {
                    opened.add(new int[] {from + r.nextInt(days), -1});
                }
            }
        }
        List<Episode> spikes = story.of(Kind.TICKETS);
        for (int s = 0; s < spikes.size(); s++) {
            Episode e = spikes.get(s);
            int extra = 1 + (int) Math.round(e.strength() * Story.between(r, 4, 7));
            for (int i = 0; i < extra; i++) {
                opened.add(new int[] {e.from() + r.nextInt(e.to() - e.from()), s});
            }
        }
        opened.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        for (int[] t : opened) {
            print(life.id(), t[0], t[1] < 0 ? null : spikes.get(t[1]), r);
        }
    }

    private void print(String account, int day, Episode spike, SplittableRandom r) throws IOException {
        String topic = spike == null ? "" : spike.topic();
        boolean bad = spike != null && !topic.equals("burst");
        int p = priority(r, spike != null, topic.equals("bugs_reliability"));
        double slow = topic.equals("support_experience") ? Story.between(r, 4, 12) : 1;
        int minutes = (int) Math.max(1, Math.round(new int[] {600, 240, 90, 25}[p] * Math.exp(0.7 * r.nextGaussian()) * slow));
        int closed = day + (int) Math.round(Math.exp(Story.between(r, 0, bad ? 3.3 : 2.3))) - 1;
        String closedAt = closed > end ? "" : LocalDate.ofEpochDay(closed).toString();
        String satisfaction = "";
        if (!closedAt.isEmpty() && r.nextInt(100) < 55) {
            satisfaction = Integer.toString(bad ? 1 + r.nextInt(r.nextInt(4) + 1) : good(r));
        }
        boolean escalated = r.nextInt(100) < (bad ? 35 : spike != null ? 10 : 3);
        String number = Integer.toString(next++);
        out.add("TCK-" + "000000".substring(Math.min(6, number.length())) + number).add(account)
                .add(LocalDate.ofEpochDay(day).toString()).add(closedAt).add(PRIORITIES[p]).add(minutes).add(satisfaction)
                .add(escalated ? "true" : "false").end();
    }

    private static int priority(SplittableRandom r, boolean spike, boolean bugs) {
        int x = r.nextInt(100);
        if (bugs) {
            return x < 10 ? 1 : x < 55 ? 2 : 3;
        }
        if (spike) {
            return x < 5 ? 0 : x < 45 ? 1 : x < 85 ? 2 : 3;
        }
        return x < 25 ? 0 : x < 80 ? 1 : x < 95 ? 2 : 3;
    }

    /** Ratings of an ordinary ticket: mostly 4s and 5s. */
    private static int good(SplittableRandom r) {
        int x = r.nextInt(100);
        return x < 50 ? 5 : x < 80 ? 4 : x < 92 ? 3 : x < 97 ? 2 : 1;
    }
}
