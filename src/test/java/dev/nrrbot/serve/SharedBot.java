package dev.nrrbot.serve;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * One running bot for a whole test class: started before its first test, closed after its last. A
 * class whose tests change state calls {@link RunningBot#reset()} before each.
 */
public abstract class SharedBot {

    @TempDir
    static Path sharedBotDir;
    protected static RunningBot bot;

    @BeforeAll
    static void startSharedBot() throws Exception {
        bot = RunningBot.start(sharedBotDir);
    }

    @AfterAll
    static void stopSharedBot() {
        if (bot != null) {
            bot.close();
            bot = null;
        }
    }
}
