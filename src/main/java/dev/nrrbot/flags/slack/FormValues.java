package dev.nrrbot.flags.slack;

import com.slack.api.model.view.ViewState;
import java.util.Map;

/** What a submitted modal holds, field by field (each input block holds one element). */
final class FormValues {

    private FormValues() {
    }

    private static ViewState.Value field(Map<String, Map<String, ViewState.Value>> v, String block) {
        Map<String, ViewState.Value> b = v == null ? null : v.get(block);
        return b == null || b.isEmpty() ? null : b.values().iterator().next();
    }

    static String selected(Map<String, Map<String, ViewState.Value>> v, String block) {
        ViewState.Value f = field(v, block);
        return f == null || f.getSelectedOption() == null ? null : f.getSelectedOption().getValue();
    }

    static String value(Map<String, Map<String, ViewState.Value>> v, String block) {
        ViewState.Value f = field(v, block);
        return f == null ? null : f.getValue();
    }

    static String date(Map<String, Map<String, ViewState.Value>> v, String block) {
        ViewState.Value f = field(v, block);
        return f == null ? null : f.getSelectedDate();
    }
}
