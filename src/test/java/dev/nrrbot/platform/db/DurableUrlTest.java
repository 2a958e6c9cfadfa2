package dev.nrrbot.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The H2 file the bot writes to commits without delay; what the user set in the URL is kept; other URLs are left alone. */
class DurableUrlTest {

    @Test
    void anEmbeddedFileGetsDurableCommits() {
        assertThat(Database.durable("jdbc:h2:file:./data/nrr")).isEqualTo("jdbc:h2:file:./data/nrr;WRITE_DELAY=0;REUSE_SPACE=FALSE");
        assertThat(Database.durable(Database.DEFAULT_URL))
                .isEqualTo("jdbc:h2:file:./data/nrr;AUTO_SERVER=TRUE;WRITE_DELAY=0;REUSE_SPACE=FALSE");
        assertThat(Database.durable("jdbc:h2:./nrr;")).isEqualTo("jdbc:h2:./nrr;WRITE_DELAY=0;REUSE_SPACE=FALSE");
    }

    @Test
    void settingsTheUserGaveAreKept() {
        assertThat(Database.durable("jdbc:h2:file:./nrr;write_delay=500")).isEqualTo("jdbc:h2:file:./nrr;write_delay=500;REUSE_SPACE=FALSE");
        assertThat(Database.durable("jdbc:h2:file:./nrr;REUSE_SPACE=TRUE;WRITE_DELAY=100"))
                .isEqualTo("jdbc:h2:file:./nrr;REUSE_SPACE=TRUE;WRITE_DELAY=100");
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        for (String url : new String[] {"jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", "jdbc:h2:tcp://localhost/./nrr", "jdbc:h2:ssl://h/./nrr",
                "jdbc:h2:zip:./d.zip!/nrr", "jdbc:postgresql://127.0.0.1:5432/nrr?user=nrr"}) {
            assertThat(Database.durable(url)).isEqualTo(url);
        }
    }

    @Test
    void theOpenedFileRunsWithTheSettings(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("nrr").toAbsolutePath())) {
            java.util.List<String> settings = db.jdbi().withHandle(h -> h.createQuery("SELECT SETTING_NAME || '=' || SETTING_VALUE"
                    + " FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('WRITE_DELAY', 'REUSE_SPACE')").mapTo(String.class).list());
            assertThat(settings).containsOnly("WRITE_DELAY=0", "REUSE_SPACE=FALSE");
        }
    }

    @Test
    void aFileGrownByAppendingIsCompactedWhenAProcessOpensItAlone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("nrr").toAbsolutePath();
        java.nio.file.Path file = dir.resolve("nrr.mv.db");
        try (Database db = Database.open(url)) {
            for (int i = 0; i < 300; i++) { // each commit appends to the file
                int n = i;
                db.jdbi().useHandle(h -> h.execute("MERGE INTO app_setting KEY (setting_name) VALUES ('n', ?)", Integer.toString(n)));
            }
        }
        long grown = java.nio.file.Files.size(file);
        assertThat(grown).isGreaterThan(2L << 20); // closing gave nothing back
        try (Database serving = Database.open(url)) { // someone else has it open: left alone
            Database.compactIfSparse(Database.durable(url), 0);
            assertThat(java.nio.file.Files.size(file)).isGreaterThanOrEqualTo(grown);
        }
        Database.compactIfSparse(Database.durable(url), 0);
        assertThat(java.nio.file.Files.size(file)).isLessThan(grown / 4);
        try (Database db = Database.open(url)) { // and the data is all there
            String last = db.jdbi().withHandle(h -> h.createQuery("SELECT setting_value FROM app_setting WHERE setting_name = 'n'")
                    .mapTo(String.class).one());
            assertThat(last).isEqualTo("299");
        }
    }
}
