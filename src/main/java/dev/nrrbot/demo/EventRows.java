package dev.nrrbot.demo;

import dev.nrrbot.demo.Episode.Kind;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVPrinter;

/**
 * Milestones a CSM logs: a go-live weeks after a new account starts (never for an onboarding that
 * failed), the people changes its story holds, and people changes at healthy accounts too, which
 * usually pass.
 */
final class EventRows {

    private static final String[] HEALTHY = {"champion_left", "executive_change", "reorg"};
    /** A year's chance of each at any account. */
    private static final double[] YEARLY = {0.06, 0.05, 0.04};

    private final CSVPrinter out;

    EventRows(CSVPrinter out) {
        this.out = out;
    }

    void write(AccountLife life, Story story, SplittableRandom r) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<AccountLife.Run> runs = life.runs();
        if (runs.isEmpty()) {
            return;
        }
        AccountLife.Run first = runs.get(0);
        if (first.firstMonth() > 0 && story.of(Kind.POOR_START).isEmpty() && r.nextInt(100) < 75) {
            int day = first.from() + Story.between(r, 20, 80);
            if (day < first.to()) {
                rows.add(row(day, "go_live", r.nextBoolean() ? "Rolled out to the first team" : ""));
            }
        }
        for (Episode e : story.of(Kind.PEOPLE)) {
            rows.add(row(e.from(), e.topic().equals("acquired") ? "executive_change" : e.topic(), note(e.topic(), r)));
        }
        for (AccountLife.Run run : runs) {
            double years = (run.to() - run.from()) / 365.0;
            for (int t = 0; t < HEALTHY.length; t++) {
                for (int i = 0; i < Story.poisson(r, years * YEARLY[t]); i++) {
                    rows.add(row(run.from() + r.nextInt(run.to() - run.from()), HEALTHY[t], note(HEALTHY[t], r)));
                }
            }
        }
        rows.sort(Comparator.comparing(a -> a[0]));
        for (String[] row : rows) {
            out.printRecord(life.id(), row[0], row[1], row[2]);
        }
    }

    private static String[] row(int day, String type, String note) {
        return new String[] {LocalDate.ofEpochDay(day).toString(), type, note};
    }

    private static String note(String topic, SplittableRandom r) {
        if (r.nextInt(100) < 40) {
            return "";
        }
        return switch (topic) {
            case "champion_left" -> r.nextBoolean() ? "Our main admin moved to another company" : "Champion left; no replacement named yet";
            case "executive_change" -> r.nextBoolean() ? "New CFO reviewing all vendors" : "New VP of Operations started";
            case "reorg" -> "Team merged into a central ops group";
            case "acquired" -> "Acquired by a larger group; their tools under review";
            default -> "";
        };
    }
}
