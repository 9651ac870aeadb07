package dev.belay.spring;

import dev.belay.executor.BelayException;
import dev.belay.executor.BindException;
import dev.belay.executor.ConnectionLostException;
import dev.belay.executor.ConstraintViolationException;
import dev.belay.executor.DeadlockException;
import dev.belay.executor.LockNotAvailableException;
import dev.belay.executor.MappingException;
import dev.belay.executor.NoRowException;
import dev.belay.executor.PoolTimeoutException;
import dev.belay.executor.QueryTimeoutException;
import dev.belay.executor.RowNotFoundException;
import dev.belay.executor.SchemaDriftException;
import dev.belay.executor.SerializationFailureException;
import dev.belay.executor.TooManyRowsException;
import dev.belay.executor.TransactionRolledBackException;
import dev.belay.executor.UniqueViolationException;
import java.sql.SQLException;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TypeMismatchDataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Translates Belay's exceptions into Spring's {@link DataAccessException} hierarchy, for {@code @Repository} beans
 * (through Spring's {@code PersistenceExceptionTranslationPostProcessor}, which Spring Boot registers). The Belay
 * exception stays the cause, with its table, column, constraint and SQLSTATE:
 *
 * <pre>{@code
 * try {
 *     users.save(user);                    // a @Repository writing through Belay
 * } catch (DuplicateKeyException e) {
 *     ((UniqueViolationException) e.getCause()).constraint();   // "users_email_key"
 * }
 * }</pre>
 *
 * <table>
 *   <caption>What each Belay exception becomes</caption>
 *   <tr><th>Belay</th><th>Spring</th></tr>
 *   <tr><td>UniqueViolationException</td><td>DuplicateKeyException</td></tr>
 *   <tr><td>other ConstraintViolationException (foreign key, check, not null)</td>
 *       <td>DataIntegrityViolationException</td></tr>
 *   <tr><td>QueryTimeoutException</td><td>org.springframework.dao.QueryTimeoutException</td></tr>
 *   <tr><td>SerializationFailureException, DeadlockException</td><td>PessimisticLockingFailureException</td></tr>
 *   <tr><td>LockNotAvailableException</td><td>CannotAcquireLockException</td></tr>
 *   <tr><td>PoolTimeoutException</td><td>CannotGetJdbcConnectionException</td></tr>
 *   <tr><td>ConnectionLostException</td><td>DataAccessResourceFailureException</td></tr>
 *   <tr><td>NoRowException</td><td>EmptyResultDataAccessException</td></tr>
 *   <tr><td>TooManyRowsException</td><td>IncorrectResultSizeDataAccessException</td></tr>
 *   <tr><td>RowNotFoundException</td><td>IncorrectUpdateSemanticsDataAccessException</td></tr>
 *   <tr><td>BindException</td><td>InvalidDataAccessApiUsageException</td></tr>
 *   <tr><td>MappingException</td><td>TypeMismatchDataAccessException</td></tr>
 *   <tr><td>SchemaDriftException</td><td>InvalidDataAccessResourceUsageException</td></tr>
 *   <tr><td>TransactionRolledBackException</td><td>the translation of its cause</td></tr>
 *   <tr><td>any other with a SQLSTATE</td><td>what Spring's JDBC translator makes of that SQLSTATE</td></tr>
 * </table>
 */
public final class BelayExceptionTranslator implements PersistenceExceptionTranslator {
    private final SQLExceptionTranslator bySqlState = new SQLErrorCodeSQLExceptionTranslator("PostgreSQL");

    @Override
    public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        if (!(ex instanceof BelayException e)) {
            return null;
        }
        if (e instanceof TransactionRolledBackException && e.getCause() instanceof BelayException cause) {
            DataAccessException translated = translateExceptionIfPossible(cause);
            if (translated != null) {
                translated.addSuppressed(e); // what was rolled back, next to why
            }
            return translated;
        }
        String message = e.getMessage();
        if (e instanceof UniqueViolationException) {
            return new DuplicateKeyException(message, e);
        }
        if (e instanceof ConstraintViolationException) {
            return new DataIntegrityViolationException(message, e);
        }
        if (e instanceof QueryTimeoutException) {
            return new org.springframework.dao.QueryTimeoutException(message, e);
        }
        if (e instanceof SerializationFailureException || e instanceof DeadlockException) {
            return new PessimisticLockingFailureException(message, e);
        }
        if (e instanceof LockNotAvailableException) {
            return new CannotAcquireLockException(message, e);
        }
        if (e instanceof PoolTimeoutException) {
            return new CannotGetJdbcConnectionException(message, sqlException(e));
        }
        if (e instanceof ConnectionLostException) {
            return new DataAccessResourceFailureException(message, e);
        }
        if (e instanceof NoRowException) {
            return new EmptyResultDataAccessException(message, 1, e);
        }
        if (e instanceof TooManyRowsException) {
            return new IncorrectResultSizeDataAccessException(message, 1, e);
        }
        if (e instanceof RowNotFoundException) {
            return new IncorrectUpdateSemanticsDataAccessException(message, e);
        }
        if (e instanceof BindException) {
            return new InvalidDataAccessApiUsageException(message, e);
        }
        if (e instanceof MappingException) {
            return new TypeMismatchDataAccessException(message, e);
        }
        if (e instanceof SchemaDriftException) {
            return new InvalidDataAccessResourceUsageException(message, e);
        }
        if (e.sqlState() != null) {
            return bySqlState.translate("Belay", e.sql(), sqlException(e));
        }
        return null;
    }

    /** An SQLException carrying the SQLSTATE, whose cause is the Belay exception (itself caused by the driver's). */
    private static SQLException sqlException(BelayException e) {
        return new SQLException(e.getMessage(), e.sqlState(), e);
    }
}
