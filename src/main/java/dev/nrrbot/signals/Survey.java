package dev.nrrbot.signals;

import java.time.LocalDate;

/**
 * One survey answer.
 *
 * @param score   as answered, on {@code scale}
 * @param comment the respondent's words, or null
 */
public record Survey(String accountId, LocalDate date, int score, Scale scale, String comment) {

    /** NPS asks 0-10 (9-10 promoters, 0-6 detractors); CSAT asks 1-5. */
    public enum Scale {
        NPS(0, 10), CSAT(1, 5);

        public final int min;
        public final int max;

        Scale(int min, int max) {
            this.min = min;
            this.max = max;
        }
    }

    /** The answer as a share of the best: 0 the worst, 1 the best. */
    public double share() {
        return (score - scale.min) / (double) (scale.max - scale.min);
    }
}
