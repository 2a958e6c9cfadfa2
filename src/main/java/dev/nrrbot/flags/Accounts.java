package dev.nrrbot.flags;

import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.revenue.PortfolioCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The accounts a flag can name, as the latest data knows them: for the flag form, the command and the messages. */
public final class Accounts {

    private final PortfolioCache cache;

    public Accounts(PortfolioCache cache) {
        this.cache = cache;
    }

    public Optional<AccountFacts> facts(String accountId) {
        Portfolio p = cache.engine().portfolio();
        Ledger l = p.ledger();
        Optional<Integer> i = l.indexOf(accountId);
        Optional<Account> a = i.map(p::account).or(() -> p.account(accountId));
        if (a.isEmpty()) {
            return Optional.empty();
        }
        long mrr = i.isPresent() && l.latestMonth().isPresent() ? l.mrr(i.get(), l.monthIndex(l.latestMonth().get())) : 0;
        return Optional.of(new AccountFacts(a.get().id(), a.get().name(), mrr * 12, a.get().renewalDate()));
    }

    /** Accounts matching {@code text}, for the modal's searchable select. */
    public List<AccountFacts> search(String text, int limit) {
        Portfolio p = cache.engine().portfolio();
        List<AccountFacts> out = new ArrayList<>();
        for (int i : p.find(text == null ? "" : text)) {
            if (out.size() == limit) {
                break;
            }
            facts(p.ledger().accountId(i)).ifPresent(out::add);
        }
        return out;
    }

    /** Accounts whose name contains {@code text} (ids do not count), for those who find accounts by name only. */
    public List<AccountFacts> searchNames(String text, int limit) {
        Portfolio p = cache.engine().portfolio();
        String wanted = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        List<AccountFacts> out = new ArrayList<>();
        for (int i : p.find(wanted)) {
            if (out.size() == limit) {
                break;
            }
            Account a = p.account(i);
            if (a.name().toLowerCase(java.util.Locale.ROOT).contains(wanted) && !a.name().equals(a.id())) {
                facts(a.id()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The one account with exactly this id or name, ignoring case. */
    public Optional<AccountFacts> exact(String text) {
        Portfolio p = cache.engine().portfolio();
        List<Integer> found = p.find(text);
        if (found.size() != 1) {
            return Optional.empty();
        }
        Account a = p.account(found.get(0));
        boolean exact = a.id().equalsIgnoreCase(text.trim()) || a.name().equalsIgnoreCase(text.trim());
        return exact ? facts(a.id()) : Optional.empty();
    }

    /** The account's name, or its id when the data does not know it (any more). */
    public String name(String accountId) {
        return facts(accountId).map(AccountFacts::name).orElse(accountId);
    }

    /** The names of the flags' accounts, by account id. */
    public Map<String, String> names(List<Flag> flags) {
        Map<String, String> names = new HashMap<>();
        flags.forEach(f -> names.computeIfAbsent(f.accountId(), this::name));
        return names;
    }
}
