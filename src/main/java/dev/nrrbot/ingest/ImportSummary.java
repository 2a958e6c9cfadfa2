package dev.nrrbot.ingest;

import dev.nrrbot.metrics.MovementKind;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What an import did, for the person who ran it. */
public record ImportSummary(ImportKind kind, String file, int rows, int accounts, YearMonth firstMonth,
                            YearMonth lastMonth, int months, Map<MovementKind, Integer> movements,
                            int unexplainedLosses, int reasonsMatched, int reasonsUnmatched, List<String> addedCodes,
                            List<String> notes, List<DataWarnings.Warning> warnings) {

    public ImportSummary {
        movements = movements.isEmpty() ? Map.of() : new EnumMap<>(movements);
        addedCodes = List.copyOf(addedCodes);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("Imported " + file + " (" + kind.code() + "): " + rows + " rows, " + accounts + " accounts.");
        if (firstMonth != null) {
            out.add("Months covered: " + firstMonth + " to " + lastMonth + " (" + months + " months).");
        }
        if (kind == ImportKind.MRR || kind == ImportKind.SUBSCRIPTIONS) {
            List<String> parts = new ArrayList<>();
            for (MovementKind k : MovementKind.values()) {
                parts.add(movements.getOrDefault(k, 0) + " " + k.code());
            }
            out.add("Movements found in those months: " + String.join(", ", parts) + ".");
            if (unexplainedLosses > 0) {
                out.add(unexplainedLosses + " churn or contraction movements have no reason yet: import reasons"
                        + " (" + dev.nrrbot.platform.Launcher.COMMAND + " import reasons FILE) so the Pareto can explain them.");
            }
        }
        if (kind == ImportKind.REASONS) {
            out.add("Reasons matched to a movement: " + reasonsMatched + "; unmatched (kept, reported in the Pareto): "
                    + reasonsUnmatched + ".");
        }
        if (!addedCodes.isEmpty()) {
            out.add("Added as unattributed reason codes: " + String.join(", ", addedCodes) + ".");
        }
        out.addAll(notes);
        for (DataWarnings.Warning w : warnings) {
            out.add("Warning: " + w.text());
        }
        return out;
    }
}
