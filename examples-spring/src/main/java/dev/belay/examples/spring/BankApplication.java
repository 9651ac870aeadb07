package dev.belay.examples.spring;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application on belay-spring-boot-starter: {@code DBConnection} is a bean over Spring's DataSource,
 * and {@link Bank}'s {@code @Transactional} methods commit or roll back Belay's statements together. Run it with
 * {@code SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/postgres}.
 */
@SpringBootApplication
public class BankApplication {

    public static void main(String[] args) {
        try (ConfigurableApplicationContext app = SpringApplication.run(BankApplication.class, args)) {
            tour(app.getBean(Bank.class), System.out);
        }
    }

    /** Opens two accounts, makes a transfer that commits, one that rolls back, and pays with savepoints. */
    static void tour(Bank bank, PrintStream out) {
        String ann = "ann-" + System.nanoTime();
        String bob = "bob-" + System.nanoTime();
        bank.open(ann, new BigDecimal("100.00"));
        bank.open(bob, new BigDecimal("0.00"));
        bank.transfer(ann, bob, new BigDecimal("30.00"));
        out.println("after a transfer of 30: " + balances(bank, ann, bob));
        try {
            bank.transfer(ann, bob, new BigDecimal("500.00"));
        } catch (RuntimeException e) {
            out.println("a transfer of 500 failed (" + e.getClass().getSimpleName() + "), nothing of it remains: "
                    + balances(bank, ann, bob));
        }
        int paid = bank.payAll(ann, List.of(bob, bob, bob), new BigDecimal("30.00"));
        out.println("paid " + paid + " of 3 payments of 30: " + balances(bank, ann, bob));
    }

    private static String balances(Bank bank, String... owners) {
        List<String> wanted = List.of(owners);
        return bank.accounts().stream().filter(a -> wanted.contains(a.owner()))
                .map(a -> a.owner().substring(0, 3) + "=" + a.balance()).toList().toString();
    }
}
