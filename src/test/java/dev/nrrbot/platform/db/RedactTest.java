package dev.nrrbot.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Database#redact}: a password never shows, in any form a URL (or a message quoting one) holds it. */
class RedactTest {

    @Test
    void queryParameters() {
        assertThat(Database.redact("jdbc:postgresql://db:5432/nrr?user=nrr&password=s3cret"))
                .isEqualTo("jdbc:postgresql://db:5432/nrr?user=nrr&password=***");
        assertThat(Database.redact("jdbc:postgresql://db:5432/nrr?password=s3cret&user=nrr"))
                .isEqualTo("jdbc:postgresql://db:5432/nrr?password=***&user=nrr");
        assertThat(Database.redact("jdbc:postgresql://db/nrr?user=nrr&Password=s3cret&sslmode=require"))
                .isEqualTo("jdbc:postgresql://db/nrr?user=nrr&Password=***&sslmode=require");
    }

    @Test
    void sslAndOtherPasswordSettings() {
        assertThat(Database.redact("jdbc:postgresql://db/nrr?user=nrr&sslpassword=k3y&sslmode=verify-full"))
                .isEqualTo("jdbc:postgresql://db/nrr?user=nrr&sslpassword=***&sslmode=verify-full");
        assertThat(Database.redact("jdbc:mysql://db/nrr?trustCertificateKeyStorePassword=k3y&user=u"))
                .isEqualTo("jdbc:mysql://db/nrr?trustCertificateKeyStorePassword=***&user=u");
        assertThat(Database.redact("jdbc:sqlserver://db;user=u;pwd=s3cret;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db;user=u;pwd=***;encrypt=true");
    }

    @Test
    void userAndPasswordBeforeTheHost() {
        assertThat(Database.redact("jdbc:postgresql://bob:secret@db:5432/x")).isEqualTo("jdbc:postgresql://bob:***@db:5432/x");
        assertThat(Database.redact("postgres://bob:p@ss:w0rd@db/x?sslmode=require"))
                .as("a password holding '@' and ':'").isEqualTo("postgres://bob:***@db/x?sslmode=require");
        assertThat(Database.redact("jdbc:postgresql://bob:p%40ss%2F1@db/x")).isEqualTo("jdbc:postgresql://bob:***@db/x");
        assertThat(Database.redact("https://bot:t0ken@proxy.example/api/")).isEqualTo("https://bot:***@proxy.example/api/");
        assertThat(Database.redact("jdbc:oracle:thin:scott/tiger@//db:1521/nrr")).isEqualTo("jdbc:oracle:thin:scott/***@//db:1521/nrr");
    }

    @Test
    void h2Settings() {
        assertThat(Database.redact("jdbc:h2:tcp://localhost/~/nrr;USER=sa;PASSWORD=s3cret;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:tcp://localhost/~/nrr;USER=sa;PASSWORD=***;AUTO_SERVER=TRUE");
        assertThat(Database.redact("jdbc:h2:file:./data/nrr;CIPHER=AES;PASSWORD=filepw userpw"))
                .as("H2's file and user passwords, separated by a space").isEqualTo("jdbc:h2:file:./data/nrr;CIPHER=AES;PASSWORD=***");
        assertThat(Database.redact("jdbc:h2:file:./data/nrr;password = s3cret")).isEqualTo("jdbc:h2:file:./data/nrr;password =***");
    }

    @Test
    void urlEncoded() {
        assertThat(Database.redact("url=jdbc%3Apostgresql%3A%2F%2Fdb%2Fnrr%3Fuser%3Dnrr%26password%3Ds3cret"))
                .doesNotContain("s3cret").startsWith("url=jdbc%3Apostgresql%3A%2F%2Fdb%2Fnrr%3Fuser%3Dnrr%26password%3D***");
        assertThat(Database.redact("url=jdbc%3Apostgresql%3A%2F%2Fbob%3As3cret%40db%3A5432%2Fnrr"))
                .isEqualTo("url=jdbc%3Apostgresql%3A%2F%2Fbob%3A***%40db%3A5432%2Fnrr");
        assertThat(Database.redact("jdbc:postgresql://db/nrr?user=nrr&password=s%26cr%3Bet")).isEqualTo("jdbc:postgresql://db/nrr?user=nrr&password=***");
    }

    @Test
    void aMessageThatQuotesTheUrlOrItsHost() {
        // what PgJDBC says of jdbc:postgresql://bob:secret@db/x: it takes "bob:secret@db" for the host
        assertThat(Database.redact("cannot open or migrate the database at jdbc:postgresql://bob:secret@db:5432/x: bob:secret@db"))
                .isEqualTo("cannot open or migrate the database at jdbc:postgresql://bob:***@db:5432/x: bob:***@db");
        assertThat(Database.redact("at jdbc:h2:tcp://h/~/x;PASSWORD=s3cret: Connection refused"))
                .isEqualTo("at jdbc:h2:tcp://h/~/x;PASSWORD=***: Connection refused");
        assertThat(Database.redact("from jdbc:postgresql://a/x?password=one to jdbc:postgresql://u:two@b/y"))
                .isEqualTo("from jdbc:postgresql://a/x?password=*** to jdbc:postgresql://u:***@b/y");
    }

    @Test
    void textWithoutAPasswordIsUnchanged() {
        for (String s : new String[] {"jdbc:h2:file:./data/nrr;AUTO_SERVER=TRUE", "jdbc:postgresql://db:5432/nrr?user=nrr",
                "jdbc:postgresql://bob@db:5432/nrr", "jdbc:postgresql://db/nrr?user=dana@example.com", "mail dana@example.com at 10:30",
                "https://slack.com/api/", "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"}) {
            assertThat(Database.redact(s)).isEqualTo(s);
        }
        assertThat(Database.redact(null)).isNull();
    }
}
