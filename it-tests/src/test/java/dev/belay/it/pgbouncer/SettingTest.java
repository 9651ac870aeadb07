package dev.belay.it.pgbouncer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.DBConfig;
import org.junit.jupiter.api.Test;

/** {@code pgbouncerTransactionMode()} as a configuration value: off by default, shown, and checked against the URL. */
final class SettingTest {
    private static final String URL = "jdbc:postgresql://localhost:6432/app";

    @Test
    void offByDefaultAndShownWhenOn() {
        assertFalse(DBConfig.builder(URL).build().pgbouncerTransactionMode());
        DBConfig on = DBConfig.builder(URL).pgbouncerTransactionMode().build();
        assertTrue(on.pgbouncerTransactionMode());
        assertTrue(on.toString().contains("pgbouncerTransactionMode"), on.toString());
        assertTrue(DBConfig.settings().pgbouncerTransactionMode().build().pgbouncerTransactionMode());
    }

    @Test
    void aUrlThatNamesStatementsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DBConfig.builder(URL + "?ssl=false&prepareThreshold=5").pgbouncerTransactionMode().build());
        assertTrue(e.getMessage().contains("prepareThreshold"), e.getMessage());
        assertEquals(true, DBConfig.builder(URL + "?prepareThreshold=0").pgbouncerTransactionMode().build()
                .pgbouncerTransactionMode());
        assertEquals(false, DBConfig.builder(URL + "?prepareThreshold=5").build().pgbouncerTransactionMode(),
                "without the setting the URL is the user's business");
    }
}
