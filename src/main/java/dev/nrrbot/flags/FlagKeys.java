package dev.nrrbot.flags;

import java.time.YearMonth;

/**
 * The outbox's dedupe keys of the flag messages: a message with a key already queued is never queued
 * again, so each names exactly what it is sent once for.
 */
public final class FlagKeys {

    private FlagKeys() {
    }

    public static String newFlag(Flag f) {
        return "flag:" + f.id() + ":new";
    }

    public static String noOwner(Flag f) {
        return "flag:" + f.id() + ":no-owner";
    }

    /** The notice to whoever raised it, once per version. */
    public static String flagger(Flag f) {
        return "flag:" + f.id() + ":v" + f.version() + ":flagger";
    }

    /** The DM to the new assignee, once per version. */
    public static String assignee(Flag f) {
        return "flag:" + f.id() + ":v" + f.version() + ":assignee";
    }

    /** The redrawn DM whose button was pressed. */
    public static String changed(Flag f) {
        return "flag:" + f.id() + ":v" + f.version() + ":dm";
    }

    /** Reminder number {@code f.nudges()}. */
    public static String nudge(Flag f) {
        return "flag:" + f.id() + ":nudge:" + f.nudges();
    }

    public static String escalation(Flag f) {
        return "flag:" + f.id() + ":escalated";
    }

    public static String snoozeOver(Flag f) {
        return "flag:" + f.id() + ":v" + f.version() + ":unsnoozed";
    }

    /** One digest per owner and ISO week ("2026-W48"). */
    public static String digest(String user, String week) {
        return "digest:" + user + ":" + week;
    }

    /** One list of reason questions per person and day ("2026-11-23"). */
    public static String reasonDigest(String user, java.time.LocalDate day) {
        return "reasons:" + user + ":" + day;
    }
}
