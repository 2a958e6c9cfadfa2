package dev.nrrbot.revenue;

/**
 * How many characters the revenue tables' text columns hold (migrations/V1__revenue.sql). An import
 * refuses a longer value with its line and column, and the writer refuses one too: nothing is cut.
 */
public final class ColumnSizes {

    /** {@code account_id} everywhere, {@code subscription_id}. */
    public static final int ID = 200;
    public static final int NAME = 500;
    public static final int EMAIL = 320;
    public static final int ATTRIBUTE_NAME = 100;
    public static final int ATTRIBUTE_VALUE = 500;
    public static final int REASON_CODE = 100;
    public static final int REASON_LABEL = 200;
    /** Notes of reason records and of reasons set on a movement. */
    public static final int NOTE = 4000;

    private ColumnSizes() {
    }
}
