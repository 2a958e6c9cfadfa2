package dev.nrrbot.health;

import dev.nrrbot.metrics.BusinessFunction;

/**
 * One component's part of an account's health.
 *
 * @param points    what it adds to the health (its score times its share)
 * @param maxPoints its share of 100 after the weight of missing components was spread over the rest
 */
public record ComponentScore(Reading reading, BusinessFunction owner, double points, double maxPoints) {

    public HealthComponent component() {
        return reading.component();
    }

    /** The score as 0-100, what thresholds compare with; -1 when missing. */
    public int score100() {
        return reading.present() ? (int) Math.round(reading.score() * 100) : -1;
    }

    public double lost() {
        return maxPoints - points;
    }

    public String evidence() {
        return Evidence.of(reading);
    }
}
