package dev.nrrbot.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A day's usage as stored: lines that read back exactly, buckets under the size, account-days counted once. */
class SignalUsageEntriesTest {

    private static List<UsageEntries.Entry> decoded(List<UsageEntries.Record> records) {
        List<UsageEntries.Entry> out = new ArrayList<>();
        for (UsageEntries.Record r : records) {
            UsageEntries.decode(r.text(), (a, f, c, s, e) -> out.add(new UsageEntries.Entry(a, f, c, s, e)));
        }
        return out;
    }

    @Test
    void entriesReadBackInAccountAndFeatureOrderWithTabsNewlinesAndBackslashesKept() {
        List<UsageEntries.Entry> in = List.of(new UsageEntries.Entry("B", "x", 1, 2, 3),
                new UsageEntries.Entry("A\tb\\c", "line\nbreak\r", Long.MAX_VALUE, 0, 0),
                new UsageEntries.Entry("A", "é 漢", 5, 6, 7));

        List<UsageEntries.Record> records = UsageEntries.encode(in);

        assertThat(records).hasSize(1);
        assertThat(records.get(0).entries()).isEqualTo(3);
        assertThat(records.get(0).accountDays()).isEqualTo(3);
        assertThat(decoded(records)).containsExactly(in.get(2), in.get(1), in.get(0));
    }

    @Test
    void aLargeDayIsSplitIntoBucketsUnderTheSizeAndAnAccountSplitAcrossTwoCountsOnce() {
        List<UsageEntries.Entry> in = new ArrayList<>();
        for (int a = 0; a < 30; a++) {
            for (int f = 0; f < 7; f++) {
                in.add(new UsageEntries.Entry("A" + (100 + a), "feature" + f, a, f, 0));
            }
        }

        List<UsageEntries.Record> records = UsageEntries.encode(in, 500);

        assertThat(records.size()).isGreaterThan(5);
        assertThat(records).allSatisfy(r -> assertThat(r.text().length()).isLessThanOrEqualTo(500));
        assertThat(records).extracting(UsageEntries.Record::bucket).containsExactly(
                java.util.stream.IntStream.range(0, records.size()).boxed().toArray(Integer[]::new));
        assertThat(records.stream().mapToInt(UsageEntries.Record::entries).sum()).isEqualTo(210);
        assertThat(records.stream().mapToInt(UsageEntries.Record::accountDays).sum()).isEqualTo(30);
        assertThat(decoded(records)).containsExactlyElementsOf(in);
    }
}
