package dev.nrrbot.serve;

import dev.nrrbot.demo.SyntheticCompany;
import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.metrics.ReasonRecord;
import dev.nrrbot.metrics.ReasonTaxonomy;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The benchmark company (50,000 accounts, 36 months to 2026-10, seed 50,000, as {@code nrr-bot bench}
 * generates it) read straight from its CSV files into a {@link Portfolio}: no database, no importer.
 */
final class BenchmarkCompany {

    static final int ACCOUNTS = 50_000;
    static final int MONTHS = 36;
    static final YearMonth LAST = YearMonth.of(2026, 10);
    static final YearMonth FIRST = LAST.minusMonths(MONTHS - 1L);

    /** What was read, with the raw counts a test can check its reading against. */
    record Data(Portfolio portfolio, List<Account> accounts, List<ReasonRecord> records, int mrrRows) {
    }

    private BenchmarkCompany() {
    }

    static Data generate(Path dir) throws IOException {
        SyntheticCompany.Files3 files = new SyntheticCompany(ACCOUNTS, LAST, MONTHS, 50_000L).writeTo(dir);
        ReasonTaxonomy taxonomy = ReasonTaxonomy.defaults();

        List<Account> accounts = new ArrayList<>();
        read(files.accounts(), r -> {
            Map<String, String> attributes = new HashMap<>();
            for (String key : List.of("plan", "region", "industry")) {
                attributes.put(key, r.get(key));
            }
            String renewal = r.get("renewal_date");
            accounts.add(new Account(r.get("account_id"), r.get("name"), blankToNull(r.get("csm_email")),
                    renewal.isBlank() ? null : LocalDate.parse(renewal), attributes));
        });

        Ledger.Builder ledger = Ledger.builder(FIRST, LAST).coverAll();
        Map<String, YearMonth> months = new HashMap<>();
        int mrrRows = read(files.mrr(), r -> ledger.mrr(r.get("account_id"),
                months.computeIfAbsent(r.get("month"), YearMonth::parse),
                new BigDecimal(r.get("mrr")).movePointRight(2).longValueExact()));

        List<ReasonRecord> records = new ArrayList<>();
        read(files.reasons(), r -> {
            String raw = r.get("reason");
            Optional<ReasonCode> code = taxonomy.resolve(raw);
            // seq = the row number, as an import numbers them: the later row wins a tie
            records.add(new ReasonRecord(r.get("account_id"), LocalDate.parse(r.get("date")),
                    code.map(ReasonCode::code).orElse(raw), blankToNull(r.get("note")), r.getRecordNumber()));
        });
        Portfolio portfolio = Portfolio.of(ledger.build(), accounts, taxonomy, records, List.of());
        return new Data(portfolio, List.copyOf(accounts), List.copyOf(records), mrrRows);
    }

    /** Streams the rows of a CSV file with a header (1.8 million for the ledger); returns how many. */
    private static int read(Path file, Consumer<CSVRecord> row) throws IOException {
        int n = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord r : p) {
                row.accept(r);
                n++;
            }
        }
        return n;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
