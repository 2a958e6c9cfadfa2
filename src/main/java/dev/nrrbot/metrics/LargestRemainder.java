package dev.nrrbot.metrics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rounds shares of a whole so that the rounded parts add up to the rounded whole: each part of
 * {@code 100 * numerator / denominator} is floored to {@code decimals} places and the units still
 * missing go to the parts with the largest remainders (ties: the earlier part).
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    static List<BigDecimal> points(List<Long> numerators, long denominator, int decimals) {
        return towards(numerators, denominator, decimals, null);
    }

    /**
     * The same rounding towards a given {@code total} instead of the rounded sum of the parts (a what-if
     * whose other parts are fixed at their shown values). Each part stays its value rounded down or up
     * (an exact one stays exact), so a {@code wanted} out of that reach is met as nearly as it can be: the caller compares the sum.
     */
    public static List<BigDecimal> towards(List<Long> numerators, long denominator, int decimals, BigDecimal wanted) {
        BigInteger den = BigInteger.valueOf(denominator);
        BigInteger scale = BigInteger.TEN.pow(decimals).multiply(BigInteger.valueOf(100));
        List<BigInteger> floors = new ArrayList<>();
        List<BigInteger> remainders = new ArrayList<>();
        BigInteger total = BigInteger.ZERO;
        BigInteger floorSum = BigInteger.ZERO;
        for (long n : numerators) {
            BigInteger scaled = BigInteger.valueOf(n).multiply(scale);
            BigInteger[] qr = floorDivMod(scaled, den);
            floors.add(qr[0]);
            remainders.add(qr[1]);
            floorSum = floorSum.add(qr[0]);
            total = total.add(scaled);
        }
        BigInteger target = wanted == null
                ? new BigDecimal(total).divide(new BigDecimal(den), 0, RoundingMode.HALF_EVEN).toBigIntegerExact()
                : wanted.movePointRight(decimals).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        long inexact = remainders.stream().filter(r -> r.signum() != 0).count(); // only these may round up
        int missing = (int) Math.max(0, Math.min(inexact, target.subtract(floorSum).longValueExact()));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < numerators.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders.get(i)).reversed().thenComparing(i -> i));
        for (int k = 0; k < missing; k++) {
            int i = order.get(k);
            floors.set(i, floors.get(i).add(BigInteger.ONE));
        }
        List<BigDecimal> out = new ArrayList<>();
        for (BigInteger f : floors) {
            out.add(new BigDecimal(f, decimals));
        }
        return out;
    }

    private static BigInteger[] floorDivMod(BigInteger x, BigInteger d) {
        BigInteger[] qr = x.divideAndRemainder(d);
        if (qr[1].signum() < 0) {
            qr[0] = qr[0].subtract(BigInteger.ONE);
            qr[1] = qr[1].add(d);
        }
        return qr;
    }
}
