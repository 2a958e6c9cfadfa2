package dev.nrrbot.platform.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Cents shown to people (whole currency units) and to programs (units with two decimals). */
public final class Money {

    private Money() {
    }

    public static BigDecimal units(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** Whole units with thousands separators: 1234567 cents -> "12,346". */
    public static String whole(long cents) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US));
        return f.format(units(cents).setScale(0, RoundingMode.HALF_EVEN));
    }

    /** A fraction as a percentage with one decimal: 1.04 -> "104.0%". */
    public static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /** Points with a sign: "+6.1" or "-1.8". */
    public static String points(BigDecimal points) {
        String p = points.setScale(1, RoundingMode.HALF_EVEN).toPlainString();
        return points.signum() >= 0 && !p.startsWith("-") ? "+" + p : p;
    }
}
