package dev.belay.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Plain JDBC, outside Belay: connections to a server and SQL scripts from the classpath. */
final class Jdbc {
    private Jdbc() {}

    /** A new connection in autocommit mode; a server that is down fails within seconds rather than stalling. */
    static Connection connect(String url, @Nullable String user, @Nullable String password) throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        return DriverManager.getConnection(url, props);
    }

    /**
     * A text resource, e.g. {@code belay/schema.sql}, from {@code loader}; a leading {@code /} is ignored.
     *
     * @throws IllegalArgumentException naming the resource when it is not there
     */
    static String resource(ClassLoader loader, String path) {
        String name = path.startsWith("/") ? path.substring(1) : path;
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("the SQL script " + name + " is not on the test classpath (put it "
                        + "under src/test/resources/" + name + ", or fix the name)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("reading the SQL script " + name + " failed: " + e.getMessage(), e);
        }
    }
}
