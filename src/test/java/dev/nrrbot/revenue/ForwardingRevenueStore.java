package dev.nrrbot.revenue;

import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonTaxonomy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A store that hands every call to the real one: tests override the one call they slow down or count. */
public abstract class ForwardingRevenueStore implements RevenueStore {

    protected final RevenueStore real;

    protected ForwardingRevenueStore(RevenueStore real) {
        this.real = real;
    }

    @Override
    public ReasonTaxonomy taxonomy() {
        return real.taxonomy();
    }

    @Override
    public List<TaxonomyChange> taxonomyHistory() {
        return real.taxonomyHistory();
    }

    @Override
    public Portfolio loadPortfolio() {
        return real.loadPortfolio();
    }

    @Override
    public long dataVersion() {
        return real.dataVersion();
    }

    @Override
    public List<String> importedFiles() {
        return real.importedFiles();
    }

    @Override
    public long importedRows() {
        return real.importedRows();
    }

    @Override
    public Optional<Instant> lastImport() {
        return real.lastImport();
    }

    @Override
    public List<ImportRecord> imports() {
        return real.imports();
    }

    @Override
    public List<SubscriptionSpan> subscriptions() {
        return real.subscriptions();
    }

    @Override
    public ImportRecord undo(Long importId, String by) {
        return real.undo(importId, by);
    }

    @Override
    public int reset(String by) {
        return real.reset(by);
    }

    @Override
    public <T> T write(Function<RevenueWriter, T> work) {
        return real.write(work);
    }
}
