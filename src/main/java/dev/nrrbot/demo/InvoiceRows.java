package dev.nrrbot.demo;

import dev.nrrbot.demo.Episode.Kind;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A monthly invoice of the month's MRR while the account pays, due on its billing day. Paid within
 * days as a rule; failed or left overdue in billing trouble; open when due too recently to be paid
 * by the export.
 */
final class InvoiceRows {

    static final String HEADER = "account_id,invoice_id,due_date,paid_at,amount,status";

    private final PlainCsv out;
    private final int end;

    /** {@code end}: the export's last epoch day; nothing is paid after it. */
    InvoiceRows(PlainCsv out, int end) {
        this.out = out;
        this.end = end;
    }

    void write(AccountLife life, Story story, SplittableRandom r) throws IOException {
        int billingDay = 1 + r.nextInt(28);
        List<Episode> trouble = story.of(Kind.BILLING);
        String number = "INV-" + life.id().substring(life.id().indexOf('-') + 1) + "-";
        for (int m = 0; m < life.months(); m++) {
            long cents = life.mrrCents()[m];
            if (cents <= 0) {
                continue;
            }
            int due = life.monthStart(m) + billingDay - 1;
            LocalDate dueDate = LocalDate.ofEpochDay(due);
            Episode e = trouble.stream().filter(t -> t.progress(due) >= 0).findFirst().orElse(null);
            String status = "paid";
            Integer paid = Math.max(life.monthStart(m), due + paidAfter(r)); // never paid before it is billed
            if (e != null && r.nextDouble() < 0.4 + 0.6 * e.strength()) {
                status = r.nextBoolean() ? "failed" : "overdue";
                paid = null;
            } else if (r.nextInt(100) < 4) {
                paid = due + Story.between(r, 15, 40); // paid late, paid all the same
            }
            if (paid != null && paid > end) {
                status = "open";
                paid = null;
            }
            if ("overdue".equals(status) && end - due < 7) {
                status = "open"; // not yet late at the export
            }
            String id = number + dueDate.getYear() + (dueDate.getMonthValue() < 10 ? "0" : "") + dueDate.getMonthValue();
            out.add(life.id()).add(id).add(dueDate.toString()).add(paid == null ? "" : LocalDate.ofEpochDay(paid).toString())
                    .addCents(cents).add(status).end();
        }
    }

    /** Most pay on the day or within a week; a few a little before. */
    private static int paidAfter(SplittableRandom r) {
        int x = r.nextInt(100);
        return x < 10 ? -r.nextInt(4) : x < 70 ? r.nextInt(3) : 3 + r.nextInt(8);
    }
}
