package dev.nrrbot.numbers.render;

import dev.nrrbot.platform.format.Money;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.ReasonPareto;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.metrics.TrendPoint;
import dev.nrrbot.metrics.Window;
import java.util.List;

/**
 * JSON for programs. Amounts in currency units, ratios as fractions, contributions in points; the
 * names are part of the published interface.
 */
public final class JsonReport {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    private JsonReport() {
    }

    public static String retention(RetentionReport r) {
        JsonObject o = new JsonObject();
        o.add("window", window(r.window()));
        o.addProperty("segment", r.segment().isAll() ? null : r.segment().toString());
        o.addProperty("cohort_accounts", r.cohortAccounts());
        o.addProperty("start_mrr", Money.units(r.startCents()));
        o.addProperty("end_mrr", Money.units(r.endCents()));
        o.addProperty("nrr", r.nrr());
        o.addProperty("grr", r.grr());
        o.addProperty("expansion", Money.units(r.expansionCents()));
        o.addProperty("contraction", Money.units(r.contractionCents()));
        o.addProperty("churn", Money.units(r.churnCents()));
        o.addProperty("reactivation", Money.units(r.reactivationCents()));
        o.addProperty("window_months", r.window().months());
        o.addProperty("annualised_nrr", r.annualisedNrr()); // (End / Start)^(12 / months): what the band reads
        o.addProperty("band", r.band().label());
        JsonArray cs = new JsonArray();
        for (Contribution c : r.contributions()) {
            JsonObject x = new JsonObject();
            x.addProperty("function", c.functionCode());
            x.addProperty("points", c.points());
            x.addProperty("amount", Money.units(c.signedCents()));
            x.addProperty("movements", c.movements());
            cs.add(x);
        }
        o.add("contributions", cs);
        return GSON.toJson(o);
    }

    public static String pareto(ReasonPareto p) {
        JsonObject o = new JsonObject();
        o.add("window", window(p.window()));
        o.addProperty("segment", p.segment().isAll() ? null : p.segment().toString());
        JsonArray rows = new JsonArray();
        for (ReasonPareto.Row r : p.rows()) {
            JsonObject x = new JsonObject();
            x.addProperty("reason", r.reason());
            x.addProperty("function", r.functionCode());
            x.addProperty("lost", Money.units(r.lostCents()));
            x.addProperty("movements", r.movements());
            x.addProperty("share", r.share());
            x.addProperty("cumulative", r.cumulative());
            rows.add(x);
        }
        o.add("reasons", rows);
        o.addProperty("total_lost", Money.units(p.totalLostCents()));
        o.addProperty("unexplained_lost", Money.units(p.unexplainedLostCents()));
        o.addProperty("unmatched_reason_records", p.unmatchedRecords());
        JsonArray vital = new JsonArray();
        p.vitalFew().forEach(vital::add);
        o.add("vital_few", vital);
        JsonObject tenure = new JsonObject();
        for (ReasonPareto.TenureBucket t : p.tenure()) {
            JsonObject x = new JsonObject();
            x.addProperty("churns", t.churns());
            x.addProperty("lost", Money.units(t.lostCents()));
            tenure.add(t.tenure().code(), x);
        }
        o.add("tenure", tenure);
        return GSON.toJson(o);
    }

    public static String trend(List<TrendPoint> points, String segment) {
        JsonObject o = new JsonObject();
        o.addProperty("segment", segment);
        JsonArray arr = new JsonArray();
        for (TrendPoint p : points) {
            JsonObject x = new JsonObject();
            x.addProperty("month", p.month().toString());
            x.addProperty("nrr", p.nrr());
            x.addProperty("grr", p.grr());
            arr.add(x);
        }
        o.add("points", arr);
        return GSON.toJson(o);
    }

    public static String error(String message) {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        return GSON.toJson(o);
    }

    private static JsonObject window(Window w) {
        JsonObject o = new JsonObject();
        o.addProperty("label", w.label());
        o.addProperty("start", w.start().toString());
        o.addProperty("end", w.end().toString());
        return o;
    }
}
