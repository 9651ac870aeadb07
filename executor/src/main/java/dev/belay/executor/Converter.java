package dev.belay.executor;

import java.util.Objects;
import java.util.function.Function;

/**
 * Maps a Java type the registry does not know ({@code J}) to one it does ({@code D}), both ways:
 *
 * <pre>{@code
 * record Money(BigDecimal amount) {}
 * TypeRegistry types = TypeRegistry.defaults()
 *     .with(Converter.of(BigDecimal.class, Money.class, Money::new, Money::amount));
 * }</pre>
 *
 * A column declared {@code PgType.custom("numeric", Money.class)} then binds and reads as Money.
 *
 * @param <D> the type the database value is read as and bound from
 * @param <J> the application's type
 */
public interface Converter<D, J> {
    /** The type the registry already binds and reads, e.g. {@code BigDecimal.class} for a numeric column. */
    Class<D> dbType();

    /** The application's type, e.g. {@code Money.class}. */
    Class<J> javaType();

    /** Never called with null: SQL NULL stays null. */
    J fromDb(D value);

    /** Never called with null. */
    D toDb(J value);

    /**
     * A converter from two functions:
     * {@code Converter.of(BigDecimal.class, Money.class, Money::new, Money::amount)}.
     */
    static <D, J> Converter<D, J> of(Class<D> dbType, Class<J> javaType, Function<D, J> fromDb, Function<J, D> toDb) {
        Objects.requireNonNull(dbType, "dbType");
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(fromDb, "fromDb");
        Objects.requireNonNull(toDb, "toDb");
        return new Converter<>() {
            @Override
            public Class<D> dbType() {
                return dbType;
            }

            @Override
            public Class<J> javaType() {
                return javaType;
            }

            @Override
            public J fromDb(D value) {
                return fromDb.apply(value);
            }

            @Override
            public D toDb(J value) {
                return toDb.apply(value);
            }
        };
    }
}
