package dev.nrrbot.revenue;

import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.platform.format.Freshness;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine over the latest data. A request checks the data version (one tiny query) and reuses
 * the loaded snapshot while it is current; after an import one load runs, whoever asks. An answer
 * takes one {@link #snapshot()} and reads the engine and the freshness from it: each call here
 * checks the version once.
 */
public final class PortfolioCache implements AutoCloseable {

    private record Loaded(long version, Snapshot snapshot) {
    }

    private final RevenueStore store;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nrr-snapshot-loader");
        t.setDaemon(true);
        return t;
    });
    private volatile Loaded loaded;
    private CompletableFuture<Loaded> inFlight;

    public PortfolioCache(RevenueStore store) {
        this.store = store;
    }

    /** The current engine and its freshness, with one data-version look-up; waits as long as loading takes. */
    public Snapshot snapshot() {
        return current(null).snapshot();
    }

    /** As {@link #snapshot()}, or empty when it is not ready within {@code wait}. */
    public Optional<Snapshot> snapshot(Duration wait) {
        Loaded l = current(wait);
        return l == null ? Optional.empty() : Optional.of(l.snapshot());
    }

    /** The current engine, or empty when it is not ready within {@code wait}. Prefer {@link #snapshot(Duration)}. */
    public Optional<NrrEngine> engine(Duration wait) {
        return snapshot(wait).map(Snapshot::engine);
    }

    /** Waits as long as loading takes. Each call checks the data version: prefer {@link #snapshot()}. */
    public NrrEngine engine() {
        return snapshot().engine();
    }

    /** Each call checks the data version: prefer {@link #snapshot()}. */
    public Freshness freshness() {
        return snapshot().freshness();
    }

    private Loaded current(Duration wait) {
        long version = store.dataVersion();
        Loaded l = loaded;
        if (l != null && l.version() >= version) {
            return l;
        }
        CompletableFuture<Loaded> f = reload(version);
        try {
            return wait == null ? f.get() : f.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    private synchronized CompletableFuture<Loaded> reload(long wanted) {
        if (inFlight != null && (!inFlight.isDone() || (!inFlight.isCompletedExceptionally() && inFlight.join().version() >= wanted))) {
            return inFlight;
        }
        inFlight = CompletableFuture.supplyAsync(() -> {
            long version = store.dataVersion(); // read first: a change during the load triggers another one
            NrrEngine engine = NrrEngine.memoizing(store.loadPortfolio());
            Freshness freshness = new Freshness(engine.currentMonthOrNull(), store.lastImport().orElse(null));
            Loaded l = new Loaded(version, new Snapshot(engine, freshness));
            loaded = l;
            return l;
        }, loader);
        return inFlight;
    }

    @Override
    public void close() {
        loader.shutdownNow();
    }
}
