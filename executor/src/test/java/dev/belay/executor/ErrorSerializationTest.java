package dev.belay.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Exceptions are Serializable (they cross RMI, cluster caches, test runners' forks): a Belay exception must survive
 * the trip with its context, which failed with NotSerializableException while ErrorContext was not Serializable.
 */
final class ErrorSerializationTest {

    @Test
    void anExceptionKeepsItsContextThroughSerialization() throws IOException, ClassNotFoundException {
        ErrorContext context = new ErrorContext("23505", "INSERT INTO \"users\" (\"email\") VALUES (?)", "users",
                "email", "users_email_key", 3);
        UniqueViolationException thrown = new UniqueViolationException("duplicate email", null, context);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(thrown);
        }
        Object read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = in.readObject();
        }

        UniqueViolationException back = assertInstanceOf(UniqueViolationException.class, read);
        assertEquals(context, back.context());
        assertEquals("duplicate email", back.getMessage());
    }
}
