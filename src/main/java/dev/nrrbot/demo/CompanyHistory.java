package dev.nrrbot.demo;

import java.io.BufferedReader;
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
        // months as year * 12 + month - 1, and cents, parsed by hand: 43,200 rows, and the formatter's parse was slow
        Map<String, List<long[]>> rows = new LinkedHashMap<>();
        int first = Integer.MAX_VALUE;
        // SyntheticCompany writes no quotes in this file (ids, months, amounts), so its lines split on commas
        try (BufferedReader in = Files.newBufferedReader(mrr, StandardCharsets.UTF_8)) {
            if (!"account_id,month,mrr".equals(in.readLine())) {
                throw new IOException(mrr + ": not the demo's MRR file");
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int a = line.indexOf(',');
                int b = line.indexOf(',', a + 1);
                int m = Integer.parseInt(line, a + 1, a + 5, 10) * 12 + Integer.parseInt(line, a + 6, a + 8, 10) - 1;
                rows.computeIfAbsent(line.substring(0, a), k -> new ArrayList<>()).add(new long[] {m, cents(line.substring(b + 1))});
                first = Math.min(first, m);
            }
        }
        YearMonth firstMonth = YearMonth.of(first / 12, first % 12 + 1);
        Map<String, List<String[]>> why = new LinkedHashMap<>();
        for (CSVRecord r : records(reasons)) {
            if (!GAINS.contains(r.get("reason"))) {
                why.computeIfAbsent(r.get("account_id"), k -> new ArrayList<>()).add(new String[] {r.get("date"), r.get("reason")});
            }
        }
        List<AccountLife> lives = new ArrayList<>();
        for (Map.Entry<String, List<long[]>> e : rows.entrySet()) {
            long[] cents = new long[e.getValue().size()];
            for (long[] row : e.getValue()) {
                cents[(int) row[0] - first] = row[1];
            }
            lives.add(new AccountLife(e.getKey(), firstMonth, cents,
                    losses(firstMonth, cents, why.getOrDefault(e.getKey(), List.of()))));
        }
        return lives;
    }

    /** "1234.50" as cents; BigDecimal for anything else. */
    private static long cents(String amount) {
        int dot = amount.length() - 3;
        if (dot > 0 && amount.charAt(dot) == '.') {
            return Long.parseLong(amount, 0, dot, 10) * 100 + Integer.parseInt(amount, dot + 1, dot + 3, 10);
        }
        return new BigDecimal(amount).movePointRight(2).longValueExact();
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
