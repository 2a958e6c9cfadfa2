package dev.nrrbot.platform;

/**
 * The command a person types to run nrr-bot: the launcher script {@code bin/nrr-bot} in the project folder
 * (which runs {@code java -jar target/nrr-bot.jar}). Every message that tells an operator what to run names it.
 */
public final class Launcher {

    /** The launcher, as typed from the project folder. */
    public static final String COMMAND = "bin/nrr-bot";

    private Launcher() {
    }

    /** Who runs a command at the terminal, as logs and {@code status} name them: {@code cli:} and the system user. */
    public static String operator() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
