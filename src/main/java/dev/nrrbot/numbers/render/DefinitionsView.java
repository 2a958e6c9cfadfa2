package dev.nrrbot.numbers.render;

import com.slack.api.model.block.LayoutBlock;
import dev.nrrbot.platform.slack.BlockKit;
import java.util.List;

/**
 * {@code /nrr definitions}: what every number means, in Slack, where people read the numbers. A short
 * form of docs/definitions.md (and the project's NRR definitions), in the same words and order.
 */
public final class DefinitionsView {

    public static final String WINDOWS = "*Windows and cohort*\n"
            + "A window runs from one month-end *s* to a later one *e*. *MRR* is an account's monthly recurring revenue"
            + " in force on a month's last day.\n"
            + "• `T12M` (the default, \"current NRR\"): the 12 months to the latest month with data\n"
            + "• `2026-Q3`: end of 2026-06 → end of 2026-09 · `2026-09`: end of 2026-08 → end of 2026-09"
            + " · `2026`: end of 2025-12 → end of 2026-12\n"
            + "*Cohort*: the accounts paying (MRR > 0) at *s*. Customers who start paying later are not in it.\n"
            + "*Start MRR*: the cohort's MRR at *s*. *End MRR*: the same accounts' MRR at *e*.\n"
            + "A month no import covers has no data, which is not zero: an answer that needs it names the missing months.";

    public static final String RATIOS = "*NRR and GRR*\n"
            + "*NRR* = End MRR ÷ Start MRR.\n"
            + "*GRR* = the sum over the cohort of the lower of each account's MRR at *s* and at *e*, ÷ Start MRR."
            + " It never exceeds 100% or NRR.\n"
            + "With no cohort (Start MRR 0) there is no NRR, and the answer says so.";

    public static final String MOVEMENTS = "*The five movements*\n"
            + "Each month of the window compares an account's MRR at the end of the month before (*p*) with this month's (*c*):\n"
            + "• *churn*: p > 0, c = 0; amount p\n"
            + "• *contraction*: 0 < c < p; amount p − c\n"
            + "• *expansion*: 0 < p < c; amount c − p\n"
            + "• *reactivation*: p = 0 < c, and the account paid in some earlier month; amount c\n"
            + "• *new*: p = 0 < c, the first time it pays; amount c\n"
            + "Over the cohort they add up exactly: End = Start + expansion + reactivation − contraction − churn"
            + " (cohort accounts paid at *s*, so they have no new).";

    public static final String CONTRIBUTIONS = "*Reasons, functions and contributions*\n"
            + "A *reason* explains churn or contraction, a *driver* expansion or reactivation. Each code belongs to one"
            + " function: product, engineering, support, customer success, account management, sales, marketing, finance,"
            + " hr, or external (what nobody controls). A movement without a code is *unattributed*.\n"
            + "*Contribution* of a function, in points = 100 × the signed MRR of the cohort's movements it owns ÷ Start MRR"
            + " (expansion and reactivation +, contraction and churn −). All functions plus unattributed add up to"
            + " NRR − 100% exactly. Shown to one decimal, each part is rounded down and the missing tenths go to the"
            + " largest remainders, so the parts still add up to the rounded total.";

    public static final String REASON_RULE = "*Which movement a reason belongs to*\n"
            + "An imported record (account, date, reason) attaches to that account's *first* matching movement (churn or"
            + " contraction for a reason, expansion or reactivation for a driver) in the month of its date or the three months"
            + " after: a cancellation is usually noted before the revenue stops. When several records reach one movement, the"
            + " latest date wins, and for equal dates the one imported last. A reason set on a movement in Slack wins over"
            + " imported ones. A record that reaches no movement is kept and counted as unmatched.\n"
            + "*Why revenue left* (`/nrr reasons`) counts the churn and contraction of *all* accounts in the window, new"
            + " customers included; lost revenue without a reason is its own row, and the vital few are the fewest reasons"
            + " that explain 80% of it.";

    public static final String BANDS = "*Bands*\n"
            + "below 90% *concerning* · 90% to below 100% *stable, not compounding* · 100% to below 110% *good*"
            + " · 110% to below 130% *great* · 130% and above *best in class*\n"
            + "The bands, the targets and the payout curve are for 12-month NRR. A window of another length (a month, a"
            + " quarter) shows its *annualised* NRR beside its own, (End ÷ Start)^(12 ÷ months), compounded, and is banded"
            + " and paid on that: a month at 99.5% is 94.2% a year.";

    public static final String MONEY = "Amounts are in one reporting currency, kept exactly in cents; answers show whole"
            + " currency units and percentages with one decimal.";

    private DefinitionsView() {
    }

    /** The sections are the bot's own text; escaped only for their {@code <} and {@code >} (they hold no {@code &}). */
    public static List<LayoutBlock> blocks(AnswerBlocks.Footer footer) {
        BlockKit kit = new BlockKit()
                .header("What the numbers mean")
                .text(BlockKit.escape(WINDOWS))
                .text(BlockKit.escape(RATIOS))
                .text(BlockKit.escape(MOVEMENTS))
                .text(BlockKit.escape(CONTRIBUTIONS))
                .text(BlockKit.escape(REASON_RULE))
                .text(BlockKit.escape(BANDS))
                .context(BlockKit.escape(MONEY));
        if (footer.sharedBy() != null) {
            kit.context("Shared by <@" + footer.sharedBy() + ">");
        }
        if (footer.shareCommand() != null) {
            kit.buttons(List.of(new BlockKit.Button("Share in channel", AnswerBlocks.SHARE_ACTION, footer.shareCommand(), "primary")));
        }
        return kit.build();
    }
}
