package dev.nrrbot.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The early-warning signals of the demo company: tickets, weekly usage, NPS surveys, invoices and
 * account events that plausibly precede its churns and contractions, with noise so a backtest finds a
 * real signal, not a perfect one. It reads the MRR and reason files back, so SyntheticCompany's files
 * and random stream stay as they are; its own stream is seeded from the company's, so the same company
 * gives the same bytes every run.
 */
public final class DemoSignals {

    /** The files it wrote. */
    public record Files(Path tickets, Path usage, Path surveys, Path invoices, Path events) {
    }

    /** Mixed into the company's seed, so the signals' stream is not the company's own. */
    private static final long SALT = 0x5167_4e41_4c53_0001L;

    private DemoSignals() {
    }

    /** Writes the signals of {@code company}, whose files are already in {@code dir}. */
    public static Files writeTo(Path dir, SyntheticCompany company) throws IOException {
        List<AccountLife> lives = CompanyHistory.read(dir.resolve("demo-mrr.csv"), dir.resolve("demo-reasons.csv"));
        int end = (int) company.lastMonth().atEndOfMonth().toEpochDay();
        Files out = new Files(dir.resolve("demo-tickets.csv"), dir.resolve("demo-usage.csv"), dir.resolve("demo-surveys.csv"),
                dir.resolve("demo-invoices.csv"), dir.resolve("demo-events.csv"));
        SplittableRandom rnd = new SplittableRandom(company.seed() ^ SALT);
        try (Writer tickets = writer(out.tickets());
             Writer usage = writer(out.usage());
             CSVPrinter surveys = printer(out.surveys(), "account_id", "date", "score", "comment");
             Writer invoices = writer(out.invoices());
             CSVPrinter events = printer(out.events(), "account_id", "date", "type", "note")) {
            // surveys and events carry free text, so a CSV printer quotes them; the rest never needs quoting
            TicketRows ticketRows = new TicketRows(new PlainCsv(tickets, TicketRows.HEADER), end);
            UsageRows usageRows = new UsageRows(new PlainCsv(usage, UsageRows.HEADER));
            SurveyRows surveyRows = new SurveyRows(surveys);
            InvoiceRows invoiceRows = new InvoiceRows(new PlainCsv(invoices, InvoiceRows.HEADER), end);
            EventRows eventRows = new EventRows(events);
            for (AccountLife life : lives) {
                // one stream per account and file: changing how one file is drawn leaves the others' bytes alone
                SplittableRandom r = rnd.split();
                Story story = Story.of(life, r.split());
                ticketRows.write(life, story, r.split());
                usageRows.write(life, story, r.split());
                surveyRows.write(life, story, r.split());
                invoiceRows.write(life, story, r.split());
                eventRows.write(life, story, r.split());
            }
        }
        return out;
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        return new CSVPrinter(writer(file), CSVFormat.RFC4180.builder().setHeader(header).setRecordSeparator("\n").get());
    }

    private static Writer writer(Path file) throws IOException {
        return new java.io.BufferedWriter(java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }
}
