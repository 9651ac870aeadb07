package dev.belay.examples.spring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs the example application on a fresh test database and checks what its tour prints. */
@BelayTest
final class BankApplicationTest {

    @Test
    void theTourCommitsRollsBackAndPaysWithSavepoints(TestDatabase db) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db.url(), "--spring.main.banner-mode=off"));
        if (db.user() != null) {
            args.add("--spring.datasource.username=" + db.user());
        }
        if (db.password() != null) {
            args.add("--spring.datasource.password=" + db.password());
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (ConfigurableApplicationContext app = SpringApplication.run(BankApplication.class,
                args.toArray(String[]::new))) {
            BankApplication.tour(app.getBean(Bank.class), new PrintStream(printed, true, StandardCharsets.UTF_8));
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("after a transfer of 30: [ann=70.00, bob=30.00]"), out);
        assertTrue(out.contains("a transfer of 500 failed (CheckViolationException), nothing of it remains: "
                + "[ann=70.00, bob=30.00]"), out);
        assertTrue(out.contains("paid 2 of 3 payments of 30: [ann=10.00, bob=90.00]"), out);
    }
}
