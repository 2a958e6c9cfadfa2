package dev.nrrbot.numbers;

import dev.nrrbot.metrics.BusinessFunction;
import java.util.Optional;

/** A line another capability adds to a function's view (the at-risk ARR the health score gives it), in mrkdwn. */
@FunctionalInterface
public interface FunctionNotes {

    /** @param viewerId whose rights decide what it may show; null when it goes to a channel */
    Optional<String> lineFor(BusinessFunction function, String viewerId);
}
