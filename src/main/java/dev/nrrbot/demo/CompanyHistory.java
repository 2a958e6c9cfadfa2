package dev.nrrbot.demo;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the demo's MRR and reason files back into account lives. It reads the files rather than the
 * generator's state so SyntheticCompany stays untouched, and so the signals follow what an importer sees.
 */
final class CompanyHistory {

    /** Codes that explain a gain, never a loss. */
    private static final Set<String> GAINS = Set.of("seat_growth", "upsell", "cross_sell", "price_increase", "win_back");

    private CompanyHistory() {
    }

    /** The lives in the MRR file's order. */
    static List<AccountLife> read(Path mrr, Path reasons) throws IOException {
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        YearMonth first = null;
        for (CSVRecord r : records(mrr)) {
            rows.computeIfAbsent(r.get("account_id"), k -> new ArrayList<>()).add(new String[] {r.get("month"), r.get("mrr")});
            YearMonth m = YearMonth.parse(r.get("month"));
            first = first == null || m.isBefore(first) ? m : first;
        }
        Map<String, List<String[]>> why = new LinkedHashMap<>();
        for (CSVRecord r : records(reasons)) {
            if (!GAINS.contains(r.get("reason"))) {
                why.computeIfAbsent(r.get("account_id"), k -> new ArrayList<>()).add(new String[] {r.get("date"), r.get("reason")});
            }
        }
        List<AccountLife> lives = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> e : rows.entrySet()) {
            long[] cents = new long[e.getValue().size()];
            for (String[] row : e.getValue()) {
                int m = (int) java.time.temporal.ChronoUnit.MONTHS.between(first, YearMonth.parse(row[0]));
                cents[m] = new BigDecimal(row[1]).movePointRight(2).longValueExact();
            }
            lives.add(new AccountLife(e.getKey(), first, cents, losses(first, cents, why.getOrDefault(e.getKey(), List.of()))));
        }
        return lives;
    }

    /**
     * The churns and contractions, each with the first unclaimed loss reason dated in the two months
     * before it or in its month: the generator dates reasons up to two months early.
     */
    private static List<AccountLife.Loss> losses(YearMonth first, long[] cents, List<String[]> reasons) {
        List<AccountLife.Loss> out = new ArrayList<>();
        boolean[] claimed = new boolean[reasons.size()];
        for (int m = 1; m < cents.length; m++) {
            if (cents[m - 1] > 0 && cents[m] < cents[m - 1]) {
                String reason = null;
                for (int i = 0; i < reasons.size() && reason == null; i++) {
                    YearMonth at = YearMonth.from(LocalDate.parse(reasons.get(i)[0]));
                    long lead = java.time.temporal.ChronoUnit.MONTHS.between(at, first.plusMonths(m));
                    if (!claimed[i] && lead >= 0 && lead <= 2) {
                        claimed[i] = true;
                        reason = reasons.get(i)[1];
                    }
                }
                out.add(new AccountLife.Loss(cents[m] == 0, m, reason));
            }
        }
        return out;
    }

    private static Iterable<CSVRecord> records(Path file) throws IOException {
        Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        List<CSVRecord> all = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        in.close();
        return all;
    }
}
