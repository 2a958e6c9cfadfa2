package dev.nrrbot.revenue;

import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonTaxonomy;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** Revenue data: what the engine reads, and the one way to change it (a transaction). */
public interface RevenueStore {

    ReasonTaxonomy taxonomy();

    /** Reads everything the engine needs. */
    Portfolio loadPortfolio();

    /** Increases with every committed change to revenue data. */
    long dataVersion();

    /** The names of the files imported so far. */
    java.util.List<String> importedFiles();

    /** Rows imported into this database so far, all imports counted (what {@code /metrics} shows). */
    long importedRows();

    /** Every change made to the taxonomy, oldest first. */
    java.util.List<TaxonomyChange> taxonomyHistory();

    /** When revenue data last changed, if ever. */
    Optional<Instant> lastImport();

    /**
     * Runs {@code work} in one transaction: everything it wrote is committed together, or, if it
     * throws, nothing is.
     */
    <T> T write(Function<RevenueWriter, T> work);
}
