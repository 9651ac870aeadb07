package dev.belay.examples.spring;

import static dev.belay.dsl.Sql.*;
import static dev.belay.examples.spring.AccountTable.ACCOUNT;

import dev.belay.executor.DBConnection;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Money between accounts, in Spring transactions: Belay's statements join them. */
@Service
public class Bank {
    private final DBConnection db;

    public Bank(DBConnection db) {
        this.db = db;
    }

    // tag::spring-service[]
    @Transactional
    public void transfer(String from, String to, BigDecimal amount) {
        db.exec(update(ACCOUNT).set(ACCOUNT.BALANCE, ACCOUNT.BALANCE.plus(amount)).where(ACCOUNT.OWNER.eq(to)));
        db.exec(update(ACCOUNT).set(ACCOUNT.BALANCE, ACCOUNT.BALANCE.minus(amount)).where(ACCOUNT.OWNER.eq(from)));
        // a CHECK (balance >= 0) violation throws: the whole method rolls back, the credit above too
    }
    // end::spring-service[]

    // tag::spring-savepoint[]
    @Transactional
    public int payAll(String from, List<String> payees, BigDecimal each) {
        int paid = 0;
        for (String payee : payees) {
            try {
                db.useTransaction(tx -> {            // a SAVEPOINT of the Spring transaction
                    tx.exec(update(ACCOUNT).set(ACCOUNT.BALANCE, ACCOUNT.BALANCE.plus(each))
                            .where(ACCOUNT.OWNER.eq(payee)));
                    tx.exec(update(ACCOUNT).set(ACCOUNT.BALANCE, ACCOUNT.BALANCE.minus(each))
                            .where(ACCOUNT.OWNER.eq(from)));
                });
                paid++;
            } catch (RuntimeException insufficientFunds) {
                break;                               // this payee's savepoint is rolled back; the others stay
            }
        }
        return paid;
    }
    // end::spring-savepoint[]

    @Transactional
    public Account open(String owner, BigDecimal balance) {
        return db.insert(new Account(null, owner, balance));
    }

    public List<Account> accounts() {
        return db.exec(select(Account.class).orderBy(ACCOUNT.OWNER.asc()));
    }
}
