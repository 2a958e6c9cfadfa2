package dev.nrrbot.demo;

import dev.nrrbot.demo.Episode.Kind;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVPrinter;

/**
 * NPS answers: surveys go out in February, June and October; some accounts never answer, others
 * answer most waves. Scores sink in the weeks a story goes wrong, and a detractor stretch brings a
 * low answer with a comment on its topic.
 */
final class SurveyRows {

    private static final int[] WAVES = {2, 6, 10};

    private final CSVPrinter out;

    SurveyRows(CSVPrinter out) {
        this.out = out;
    }

    void write(AccountLife life, Story story, SplittableRandom r) throws IOException {
        double answers = r.nextInt(100) < 35 ? 0 : Story.between(r, 0.3, 0.8);
        double mood = Story.between(r, 7.0, 9.3);
        List<int[]> rows = new ArrayList<>(); // {day, score, detractor episode index or -1}
        for (AccountLife.Run run : life.runs()) {
            for (int m = run.firstMonth(); life.monthStart(m) < run.to(); m++) {
                int month = life.first().plusMonths(m).getMonthValue();
                if ((month == WAVES[0] || month == WAVES[1] || month == WAVES[2]) && r.nextDouble() < answers) {
                    int day = life.monthStart(m) + 5 + r.nextInt(20);
                    if (day < run.to()) {
                        double trouble = troubled(story, day) ? 3 : 0;
                        int score = (int) Math.round(Math.max(0, Math.min(10, mood - trouble + 1.6 * r.nextGaussian())));
                        rows.add(new int[] {day, score, -1});
                    }
                }
            }
        }
        List<Episode> sour = story.of(Kind.DETRACTOR);
        for (int i = 0; i < sour.size(); i++) {
            Episode e = sour.get(i);
            rows.add(new int[] {e.from() + r.nextInt(e.to() - e.from()), r.nextInt(6) + (r.nextInt(4) == 0 ? 1 : 0), i});
        }
        rows.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int[] row : rows) {
            String topic = row[2] < 0 ? "" : sour.get(row[2]).topic();
            out.printRecord(life.id(), LocalDate.ofEpochDay(row[0]), row[1], comment(row[1], topic, r));
        }
    }

    private static boolean troubled(Story story, int day) {
        return story.episodes().stream().anyMatch(e -> e.kind() != Kind.DIP && e.progress(day) >= 0);
    }

    private static String comment(int score, String topic, SplittableRandom r) {
        if (r.nextInt(100) < 45) {
            return "";
        }
        if (score <= 6) {
            return switch (topic) {
                case "product_gap", "change_in_needs", "poor_fit" -> "Missing features we need for our workflow";
                case "competitor" -> "Looking at other tools that do more for less";
                case "value_awareness" -> "Not sure what we get out of it";
                case "support_experience" -> "Support takes days to answer";
                case "bugs_reliability" -> "Too many errors and outages lately";
                case "pricing", "billing_contract" -> "Too expensive for what we use";
                default -> r.nextBoolean() ? "Hard to get the team to use it" : "Reports are slow";
            };
        }
        return score >= 9 ? (r.nextBoolean() ? "Great dashboards, the team relies on it" : "Support is quick and helpful")
                : "Does the job; exports could be easier";
    }
}
