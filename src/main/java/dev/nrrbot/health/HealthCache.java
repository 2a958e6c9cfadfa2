package dev.nrrbot.health;

import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.signals.SignalBook;
import dev.nrrbot.signals.SignalStore;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The signals, today's checkup and the backtest, computed once per data version and settings: the
 * signals take seconds to read at scale, the backtest longer, and both are the same for everyone
 * until an import or a setting changes them.
 */
public final class HealthCache {

    private record Key(long version, Map<String, String> settings, LocalDate day) {
    }

    private final SignalStore signals;
    private final LongSupplier version;
    private final Supplier<Portfolio> portfolio;
    private final HealthSettings settings;
    private final java.time.Clock clock;
    private volatile long bookVersion = -1;
    private volatile SignalBook book;
    private volatile Key checkupKey;
    private volatile Checkup checkup;
    private volatile Key backtestKey;
    private volatile Backtest.Result backtest;

    /**
     * @param version   increases with every import (signals included)
     * @param portfolio the revenue data at that version
     */
    public HealthCache(SignalStore signals, LongSupplier version, Supplier<Portfolio> portfolio, HealthSettings settings,
                       java.time.Clock clock) {
        this.clock = clock;
        this.signals = signals;
        this.version = version;
        this.portfolio = portfolio;
        this.settings = settings;
    }

    public synchronized SignalBook book() {
        long v = version.getAsLong();
        if (book == null || v != bookVersion) {
            book = signals.load();
            bookVersion = v;
        }
        return book;
    }

    public HealthModel model() {
        return settings.model();
    }

    public HealthSettings settings() {
        return settings;
    }

    public Portfolio portfolio() {
        return portfolio.get();
    }

    /** Every paying account on the latest day loaded, or empty with no revenue data. */
    public synchronized Optional<Checkup> checkup() {
        Portfolio p = portfolio.get();
        Optional<LocalDate> day = Checkup.latestDay(p, LocalDate.now(clock));
        if (day.isEmpty()) {
            return Optional.empty();
        }
        Key k = new Key(version.getAsLong(), settings.all(), day.get());
        if (checkup == null || !k.equals(checkupKey)) {
            checkup = Checkup.of(p, book(), HealthModel.from(k.settings()), day.get());
            checkupKey = k;
        }
        return Optional.of(checkup);
    }

    public synchronized Backtest.Result backtest() {
        Key k = new Key(version.getAsLong(), settings.all(), null);
        if (backtest == null || !k.equals(backtestKey)) {
            backtest = Backtest.run(portfolio.get(), book(), HealthModel.from(k.settings()));
            backtestKey = k;
        }
        return backtest;
    }

    /** The backtest if it is computed for the current data and settings, without computing it. */
    public synchronized Optional<Backtest.Result> backtestIfReady() {
        Key k = new Key(version.getAsLong(), settings.all(), null);
        return backtest != null && k.equals(backtestKey) ? Optional.of(backtest) : Optional.empty();
    }

        /**
     * Whether automatic flags are on: "on" or "off" as an admin set them; by default ("auto") only
     * while the backtest shows the score predicts for this company.
     */
    public boolean autoFlagsOn() {
        String mode = model().autoFlags();
        return mode.equals("on") || (mode.equals("auto") && backtest().verdict() == Backtest.Verdict.PREDICTS);
    }
}
