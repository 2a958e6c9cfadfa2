package dev.nrrbot.comp;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Maps company NRR to a pay modifier: 0 below the floor, rising in a straight line from 0 at the
 * floor to 1.0 at the target, then on to {@code cap} at {@code capAt}, and no higher. NRR values are
 * percentages (104.7 = 104.7%); the modifier is a multiplier (1.00 = on target).
 */
public record PayoutCurve(BigDecimal floor, BigDecimal target, BigDecimal capAt, BigDecimal cap) {

    public static final BigDecimal DEFAULT_FLOOR = new BigDecimal("90");
    public static final BigDecimal DEFAULT_CAP = new BigDecimal("1.5");
    /** Points above target where the default cap is reached. */
    public static final BigDecimal DEFAULT_CAP_SPAN = new BigDecimal("20");

    public PayoutCurve {
        if (floor.compareTo(target) >= 0) {
            throw new IllegalArgumentException("the floor (" + floor.stripTrailingZeros().toPlainString()
                    + "%) must be below the target (" + target.stripTrailingZeros().toPlainString() + "%)");
        }
        if (capAt.compareTo(target) <= 0) {
            throw new IllegalArgumentException("the cap must be reached above the target");
        }
        if (cap.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("the cap must be at least 1.0 (the modifier at target)");
        }
    }

    /** The modifier at {@code nrrPercent}, to four decimals. */
    public BigDecimal modifier(BigDecimal nrrPercent) {
        if (nrrPercent.compareTo(floor) <= 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        if (nrrPercent.compareTo(target) <= 0) {
            return nrrPercent.subtract(floor).divide(target.subtract(floor), 4, RoundingMode.HALF_EVEN);
        }
        if (nrrPercent.compareTo(capAt) >= 0) {
            return cap.setScale(4, RoundingMode.HALF_EVEN);
        }
        BigDecimal slope = cap.subtract(BigDecimal.ONE).divide(capAt.subtract(target), 10, RoundingMode.HALF_EVEN);
        return BigDecimal.ONE.add(nrrPercent.subtract(target).multiply(slope)).setScale(4, RoundingMode.HALF_EVEN);
    }

    /** The arithmetic behind {@link #modifier}, for people. */
    public String explain(BigDecimal nrrPercent) {
        String nrr = pct(nrrPercent);
        if (nrrPercent.compareTo(floor) <= 0) {
            return nrr + " is at or below the floor " + pct(floor) + ": modifier 0";
        }
        if (nrrPercent.compareTo(target) <= 0) {
            return "(" + nrr + " − " + pct(floor) + ") ÷ (" + pct(target) + " − " + pct(floor) + ") = " + modifier(nrrPercent).toPlainString();
        }
        if (nrrPercent.compareTo(capAt) >= 0) {
            return nrr + " is at or above " + pct(capAt) + ": capped at " + cap.stripTrailingZeros().toPlainString();
        }
        return "1 + (" + nrr + " − " + pct(target) + ") × (" + cap.stripTrailingZeros().toPlainString() + " − 1) ÷ (" + pct(capAt)
                + " − " + pct(target) + ") = " + modifier(nrrPercent).toPlainString();
    }

    static String pct(BigDecimal p) {
        return p.stripTrailingZeros().toPlainString() + "%";
    }
}
