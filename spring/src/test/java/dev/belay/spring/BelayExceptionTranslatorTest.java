package dev.belay.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belay.executor.BelayException;
import dev.belay.executor.BindException;
import dev.belay.executor.CheckViolationException;
import dev.belay.executor.ConnectionLostException;
import dev.belay.executor.DeadlockException;
import dev.belay.executor.ErrorContext;
import dev.belay.executor.ForeignKeyViolationException;
import dev.belay.executor.LockNotAvailableException;
import dev.belay.executor.MappingException;
import dev.belay.executor.NoRowException;
import dev.belay.executor.NotNullViolationException;
import dev.belay.executor.PoolTimeoutException;
import dev.belay.executor.QueryTimeoutException;
import dev.belay.executor.RowNotFoundException;
import dev.belay.executor.SerializationFailureException;
import dev.belay.executor.TooManyRowsException;
import dev.belay.executor.TransactionRolledBackException;
import dev.belay.executor.UniqueViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TypeMismatchDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** {@link BelayExceptionTranslator}: each Belay exception becomes the DataAccessException Spring users expect. */
final class BelayExceptionTranslatorTest {
    private final BelayExceptionTranslator translator = new BelayExceptionTranslator();

    private static ErrorContext state(String sqlState) {
        return ErrorContext.of("insert into t values (?)").sqlState(sqlState);
    }

    private DataAccessException translated(RuntimeException e) {
        DataAccessException result = translator.translateExceptionIfPossible(e);
        assertThat(result).as("translation of " + e).isNotNull();
        return result;
    }

    @Test
    void constraintsBecomeIntegrityViolations() {
        assertThat(translated(new UniqueViolationException("u", null, state("23505"))))
                .isInstanceOf(DuplicateKeyException.class).hasCauseInstanceOf(UniqueViolationException.class);
        assertThat(translated(new ForeignKeyViolationException("f", null, state("23503"))))
                .isExactlyInstanceOf(DataIntegrityViolationException.class);
        assertThat(translated(new CheckViolationException("c", null, state("23514"))))
                .isExactlyInstanceOf(DataIntegrityViolationException.class);
        assertThat(translated(new NotNullViolationException("n", null, state("23502"))))
                .isExactlyInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void concurrencyAndTimeouts() {
        assertThat(translated(new SerializationFailureException("s", null, state("40001"))))
                .isExactlyInstanceOf(PessimisticLockingFailureException.class);
        assertThat(translated(new DeadlockException("d", null, state("40P01"))))
                .isExactlyInstanceOf(PessimisticLockingFailureException.class);
        assertThat(translated(new LockNotAvailableException("l", null, state("55P03"))))
                .isInstanceOf(CannotAcquireLockException.class);
        assertThat(translated(new QueryTimeoutException("q", null, state("57014"))))
                .isInstanceOf(org.springframework.dao.QueryTimeoutException.class);
    }

    @Test
    void resources() {
        assertThat(translated(new ConnectionLostException("gone", null, state("08006"))))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(translated(new PoolTimeoutException("busy", null, ErrorContext.NONE)))
                .isInstanceOf(CannotGetJdbcConnectionException.class);
    }

    @Test
    void resultsAndUsage() {
        assertThat(translated(new NoRowException("none", null, ErrorContext.NONE)))
                .isInstanceOf(EmptyResultDataAccessException.class);
        assertThat(translated(new TooManyRowsException("many", null, ErrorContext.NONE)))
                .isExactlyInstanceOf(IncorrectResultSizeDataAccessException.class);
        assertThat(translated(new RowNotFoundException("gone", null, ErrorContext.NONE)))
                .isInstanceOf(IncorrectUpdateSemanticsDataAccessException.class);
        assertThat(translated(new BindException("refused", null, ErrorContext.NONE)))
                .isInstanceOf(InvalidDataAccessApiUsageException.class);
        assertThat(translated(new MappingException("lossy", null, ErrorContext.NONE)))
                .isInstanceOf(TypeMismatchDataAccessException.class);
    }

    @Test
    void aRolledBackTransactionIsTranslatedByItsCause() {
        UniqueViolationException cause = new UniqueViolationException("u", null, state("23505"));
        assertThat(translated(new TransactionRolledBackException("rolled back", cause, state("23505"))))
                .isInstanceOf(DuplicateKeyException.class).hasCause(cause);
    }

    @Test
    void otherSqlStatesAsSpringsJdbcTranslatorSeesThem() {
        assertThat(translated(new BelayException("no such table", null, state("42P01"))))
                .isInstanceOf(BadSqlGrammarException.class);
    }

    @Test
    void anythingElseIsLeftAlone() {
        assertThat(translator.translateExceptionIfPossible(new IllegalStateException("not Belay's"))).isNull();
        assertThat(translator.translateExceptionIfPossible(new BelayException("no state", null))).isNull();
    }
}
