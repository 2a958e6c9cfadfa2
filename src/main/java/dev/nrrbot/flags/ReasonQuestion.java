package dev.nrrbot.flags;

import java.time.YearMonth;

/** A churn or contraction without a reason, to ask someone about: the account, the month and how much it lost. */
public record ReasonQuestion(String accountId, String accountName, YearMonth month, String kindCode, long cents) {

    /** What the "Set reason" button carries: the account and the month. */
    public String buttonValue() {
        return accountId + "|" + month;
    }
}
