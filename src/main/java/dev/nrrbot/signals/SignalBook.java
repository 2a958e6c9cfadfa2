package dev.nrrbot.signals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every imported signal, per account: what the health score reads. Built once per data version and
 * read-only after; a signal of an account the revenue data does not know is kept (it may be imported
 * first).
 */
public final class SignalBook {

    /** The import kinds that carry signals. */
    public enum Kind {
        TICKETS, USAGE, SURVEYS, INVOICES, EVENTS
    }

    /** One account's signals, each list sorted by date. */
    public record AccountSignals(List<Ticket> tickets, UsageSeries usage, List<Survey> surveys, List<Invoice> invoices,
                                 List<AccountEvent> events) {
        public static final AccountSignals NONE = new AccountSignals(List.of(), UsageSeries.EMPTY, List.of(), List.of(), List.of());
    }

    public static final SignalBook EMPTY = builder().build();

    private final Map<String, AccountSignals> byAccount;
    private final Map<Kind, LocalDate[]> span; // per kind: earliest and latest date imported
    private final Map<Kind, Integer> rows;
    private final List<String> features;

    private SignalBook(Map<String, AccountSignals> byAccount, Map<Kind, LocalDate[]> span, Map<Kind, Integer> rows,
                       List<String> features) {
        this.byAccount = byAccount;
        this.span = span;
        this.rows = rows;
        this.features = features;
    }

    public AccountSignals of(String accountId) {
        return byAccount.getOrDefault(accountId, AccountSignals.NONE);
    }

    public java.util.Set<String> accountIds() {
        return byAccount.keySet();
    }

    /** Whether anything of {@code kind} was imported: a component without its input is left out and says so. */
    public boolean has(Kind kind) {
        return rows.getOrDefault(kind, 0) > 0;
    }

    public int rows(Kind kind) {
        return rows.getOrDefault(kind, 0);
    }

    /** The earliest date of {@code kind} imported. */
    public Optional<LocalDate> earliest(Kind kind) {
        return Optional.ofNullable(span.get(kind)).map(s -> s[0]);
    }

    /** The latest date of {@code kind} imported. */
    public Optional<LocalDate> latest(Kind kind) {
        return Optional.ofNullable(span.get(kind)).map(s -> s[1]);
    }

    /** How many distinct features the usage names (breadth is read against it). */
    public int featureCount() {
        return features.size();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Takes rows in any order; {@link #build} sorts each account's lists by date. */
    public static final class Builder {
        private final Map<String, List<Ticket>> tickets = new HashMap<>();
        private final Map<String, UsageSeries.Builder> usage = new HashMap<>();
        private final Map<String, List<Survey>> surveys = new HashMap<>();
        private final Map<String, List<Invoice>> invoices = new HashMap<>();
        private final Map<String, List<AccountEvent>> events = new HashMap<>();
        private final Map<Kind, LocalDate[]> span = new EnumMap<>(Kind.class);
        private final Map<Kind, Integer> rows = new EnumMap<>(Kind.class);
        private final Map<String, Integer> featureIds = new HashMap<>();
        private final List<String> features = new ArrayList<>();

        public Builder ticket(Ticket t) {
            tickets.computeIfAbsent(t.accountId(), k -> new ArrayList<>()).add(t);
            seen(Kind.TICKETS, t.opened());
            return this;
        }

        /** One account's use of one feature on one day (rows for the same day and feature add up). */
        public Builder usage(String accountId, LocalDate day, String feature, long count, long errors) {
            int f = featureIds.computeIfAbsent(feature, k -> {
                features.add(k);
                return features.size() - 1;
            });
            usage.computeIfAbsent(accountId, k -> new UsageSeries.Builder()).add((int) day.toEpochDay(), f, count, errors);
            seen(Kind.USAGE, day);
            return this;
        }

        public Builder survey(Survey s) {
            surveys.computeIfAbsent(s.accountId(), k -> new ArrayList<>()).add(s);
            seen(Kind.SURVEYS, s.date());
            return this;
        }

        public Builder invoice(Invoice i) {
            invoices.computeIfAbsent(i.accountId(), k -> new ArrayList<>()).add(i);
            seen(Kind.INVOICES, i.due());
            return this;
        }

        public Builder event(AccountEvent e) {
            events.computeIfAbsent(e.accountId(), k -> new ArrayList<>()).add(e);
            seen(Kind.EVENTS, e.date());
            return this;
        }

        private void seen(Kind kind, LocalDate d) {
            rows.merge(kind, 1, Integer::sum);
            LocalDate[] s = span.computeIfAbsent(kind, k -> new LocalDate[] {d, d});
            if (d.isBefore(s[0])) {
                s[0] = d;
            }
            if (d.isAfter(s[1])) {
                s[1] = d;
            }
        }

        public SignalBook build() {
            java.util.Set<String> ids = new java.util.HashSet<>();
            ids.addAll(tickets.keySet());
            ids.addAll(usage.keySet());
            ids.addAll(surveys.keySet());
            ids.addAll(invoices.keySet());
            ids.addAll(events.keySet());
            Map<String, AccountSignals> out = new HashMap<>();
            for (String id : ids) {
                out.put(id, new AccountSignals(
                        sorted(tickets.get(id), Comparator.comparing(Ticket::opened)),
                        usage.containsKey(id) ? usage.get(id).build() : UsageSeries.EMPTY,
                        sorted(surveys.get(id), Comparator.comparing(Survey::date)),
                        sorted(invoices.get(id), Comparator.comparing(Invoice::due)),
                        sorted(events.get(id), Comparator.comparing(AccountEvent::date))));
            }
            return new SignalBook(Map.copyOf(out), new EnumMap<>(span), new EnumMap<>(rows), List.copyOf(features));
        }

        private static <T> List<T> sorted(List<T> list, Comparator<T> by) {
            if (list == null) {
                return List.of();
            }
            list.sort(by);
            return List.copyOf(list);
        }
    }
}
