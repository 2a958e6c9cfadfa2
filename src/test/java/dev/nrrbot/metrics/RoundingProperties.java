package dev.nrrbot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Rounded shares always add up to the rounded whole, and each stays within one step of its exact value. */
class RoundingProperties {

    @Property(tries = 300)
    void roundedPartsAddUpToTheRoundedTotal(
            @ForAll @Size(max = 11) List<@LongRange(min = -5_000_000_00L, max = 5_000_000_00L) Long> parts,
            @ForAll @LongRange(min = 1, max = 10_000_000_00L) long start) {
        List<BigDecimal> points = LargestRemainder.points(parts, start, 1);
        long sum = parts.stream().mapToLong(Long::longValue).sum();
        BigDecimal total = BigDecimal.valueOf(sum).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(start), 1, RoundingMode.HALF_EVEN);
        assertThat(points.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(total);
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal exact = BigDecimal.valueOf(parts.get(i)).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(start), 12, RoundingMode.HALF_EVEN);
            assertThat(points.get(i).subtract(exact).abs()).isLessThan(new BigDecimal("0.1"));
            assertThat(points.get(i).scale()).isEqualTo(1);
        }
    }
}
