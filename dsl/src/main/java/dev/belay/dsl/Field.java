package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Expr.Between;
import dev.belay.dsl.internal.Expr.Binary;
import dev.belay.dsl.internal.Expr.Bind;
import dev.belay.dsl.internal.Expr.Postfix;
import dev.belay.dsl.internal.Expr.Quantified;
import dev.belay.dsl.internal.Expr.Quantified.Quantifier;
import dev.belay.dsl.internal.Expr.Subquery;
import dev.belay.dsl.internal.Operator;
import dev.belay.dsl.internal.SqlRenderer;
import java.time.Duration;
import java.time.temporal.TemporalAmount;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A typed SQL value expression: a column, a bound value, a function call, arithmetic, a cast, a scalar
 * subquery. Its Java type {@code T} makes wrong comparisons fail to compile:
 * {@code USER.AGE.eq("x")} and {@code USER.NAME.eq(USER.AGE)} are compile errors.
 *
 * <p>Fields are immutable; every method returns a new expression.
 *
 * @param <T> the Java type of the expression's values
 */
public abstract sealed class Field<T> implements SortItem, GroupItem
        permits Column, Condition, Param, Expression, AggregateField, CaseField, SimpleCaseField {

    private final Expr node;
    private final PgType<T> type;

    Field(Expr node, PgType<T> type) {
        this.node = Objects.requireNonNull(node, "node");
        this.type = Objects.requireNonNull(type, "type");
    }

    final Expr node() {
        return node;
    }

    /** The PostgreSQL type of the expression. */
    public final PgType<T> type() {
        return type;
    }

    /** The column name this field has in a result set when it is a column or aliased, else null. */
    @Nullable String outputName() {
        return null;
    }

    // ---- comparison --------------------------------------------------------------------------

    /** {@code USER.NAME.eq("Alice")} renders {@code "users"."name" = ?}. Null is refused: use {@link #isNull()}. */
    public final Condition eq(T value) {
        return compare(Operator.EQ, "eq", value);
    }

    /** {@code ORDER.USER_ID.eq(USER.ID)} renders {@code "orders"."user_id" = "users"."id"}. */
    public final Condition eq(Field<T> other) {
        return compare(Operator.EQ, "eq", other);
    }

    /** {@code USER.NAME.ne("Bob")} renders {@code "users"."name" <> ?}. */
    public final Condition ne(T value) {
        return compare(Operator.NE, "ne", value);
    }

    /** {@code a.ne(b)} renders {@code a <> b}. */
    public final Condition ne(Field<T> other) {
        return compare(Operator.NE, "ne", other);
    }

    /** {@code USER.AGE.lt(18)} renders {@code "users"."age" < ?}. */
    public final Condition lt(T value) {
        return compare(Operator.LT, "lt", value);
    }

    /** {@code a.lt(b)} renders {@code a < b}. */
    public final Condition lt(Field<T> other) {
        return compare(Operator.LT, "lt", other);
    }

    /** {@code USER.AGE.le(18)} renders {@code "users"."age" <= ?}. */
    public final Condition le(T value) {
        return compare(Operator.LE, "le", value);
    }

    /** {@code a.le(b)} renders {@code a <= b}. */
    public final Condition le(Field<T> other) {
        return compare(Operator.LE, "le", other);
    }

    /** {@code USER.AGE.gt(18)} renders {@code "users"."age" > ?}. */
    public final Condition gt(T value) {
        return compare(Operator.GT, "gt", value);
    }

    /** {@code a.gt(b)} renders {@code a > b}. */
    public final Condition gt(Field<T> other) {
        return compare(Operator.GT, "gt", other);
    }

    /** {@code USER.AGE.ge(18)} renders {@code "users"."age" >= ?}. */
    public final Condition ge(T value) {
        return compare(Operator.GE, "ge", value);
    }

    /** {@code a.ge(b)} renders {@code a >= b}. */
    public final Condition ge(Field<T> other) {
        return compare(Operator.GE, "ge", other);
    }

    /** {@code USER.AGE.between(18, 65)} renders {@code "users"."age" BETWEEN ? AND ?}. */
    public final Condition between(T low, T high) {
        return new Condition(new Between(node, Operands.value(this, "between", low), Operands.value(this, "between", high), false));
    }

    /** {@code a.between(lo, hi)} with fields renders {@code a BETWEEN lo AND hi}. */
    public final Condition between(Field<T> low, Field<T> high) {
        Supplier<String> where = () -> "between(" + low + ", " + high + ") on " + this;
        return new Condition(new Between(NullComparison.operand(node, where), NullComparison.operand(low.node(), where),
                NullComparison.operand(high.node(), where), false));
    }

    /** {@code USER.AGE.notBetween(18, 65)} renders {@code "users"."age" NOT BETWEEN ? AND ?}. */
    public final Condition notBetween(T low, T high) {
        return new Condition(new Between(node, Operands.value(this, "notBetween", low), Operands.value(this, "notBetween", high), true));
    }

    /** {@code USER.AGE.isNull()} renders {@code "users"."age" IS NULL}. */
    public final Condition isNull() {
        return new Condition(new Postfix(node, Postfix.Op.IS_NULL));
    }

    /** {@code USER.AGE.isNotNull()} renders {@code "users"."age" IS NOT NULL}. */
    public final Condition isNotNull() {
        return new Condition(new Postfix(node, Postfix.Op.IS_NOT_NULL));
    }

    /**
     * Null-safe inequality: {@code USER.AGE.isDistinctFrom(age)} renders {@code "users"."age" IS DISTINCT FROM ?};
     * {@code age} may be null. (A literal {@code null} is ambiguous with the field overload: write
     * {@code (Integer) null}, or {@code isNotNull()}.)
     */
    public final Condition isDistinctFrom(@Nullable T value) {
        return new Condition(new Binary(node, Operator.IS_DISTINCT_FROM, Operands.nullable(this, "isDistinctFrom", value)));
    }

    /** {@code a.isDistinctFrom(b)} renders {@code a IS DISTINCT FROM b}. */
    public final Condition isDistinctFrom(Field<T> other) {
        return compare(Operator.IS_DISTINCT_FROM, other);
    }

    /**
     * Null-safe equality: {@code USER.AGE.isNotDistinctFrom(age)} renders {@code "users"."age" IS NOT DISTINCT FROM ?};
     * {@code age} may be null, and then it matches NULL.
     */
    public final Condition isNotDistinctFrom(@Nullable T value) {
        return new Condition(new Binary(node, Operator.IS_NOT_DISTINCT_FROM,
                Operands.nullable(this, "isNotDistinctFrom", value)));
    }

    /** {@code a.isNotDistinctFrom(b)} renders {@code a IS NOT DISTINCT FROM b}. */
    public final Condition isNotDistinctFrom(Field<T> other) {
        return compare(Operator.IS_NOT_DISTINCT_FROM, other);
    }

    // ---- IN ----------------------------------------------------------------------------------

    /**
     * {@code USER.ID.in(List.of(1L, 2L))} renders {@code "users"."id" = ANY(?)} with one array parameter,
     * so the SQL text is the same for any list size and an empty list matches no row.
     */
    public final Condition in(Collection<? extends T> values) {
        return new Condition(new Quantified(node, Operator.EQ, Quantifier.ANY, Operands.array(this, "in", values)));
    }

    /** {@code USER.ID.in(1L, 2L)} renders {@code "users"."id" = ANY(?)}. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or exposed
    public final Condition in(T... values) {
        return in(Arrays.asList(values));
    }

    /** {@code USER.ID.in(select(ORDER.USER_ID).from(ORDER))} renders {@code "users"."id" IN (SELECT ...)}. */
    public final Condition in(Select<T> subquery) {
        return new Condition(new Binary(node, Operator.IN, new Subquery(subquery.singleColumnNode("in"))));
    }

    /** {@code USER.ID.notIn(ids)} renders {@code "users"."id" <> ALL(?)}; an empty list matches every row. */
    public final Condition notIn(Collection<? extends T> values) {
        return new Condition(new Quantified(node, Operator.NE, Quantifier.ALL, Operands.array(this, "notIn", values)));
    }

    /** {@code USER.ID.notIn(1L, 2L)} renders {@code "users"."id" <> ALL(?)}. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or exposed
    public final Condition notIn(T... values) {
        return notIn(Arrays.asList(values));
    }

    /** {@code USER.ID.notIn(subquery)} renders {@code "users"."id" NOT IN (SELECT ...)}. */
    public final Condition notIn(Select<T> subquery) {
        return new Condition(new Binary(node, Operator.NOT_IN, new Subquery(subquery.singleColumnNode("notIn"))));
    }

    /** {@code USER.NAME.eqAny(POST.TAGS)} renders {@code "users"."name" = ANY("posts"."tags")}. */
    public final Condition eqAny(Field<List<T>> array) {
        return new Condition(new Quantified(node, Operator.EQ, Quantifier.ANY, array.node()));
    }

    // ---- text, arrays, jsonb ------------------------------------------------------------------

    /** {@code USER.NAME.like("A%")} renders {@code "users"."name" LIKE ?}; the pattern is used as given. */
    public final Condition like(String pattern) {
        return textMatch(Operator.LIKE, "like", pattern);
    }

    /** {@code USER.NAME.notLike("A%")} renders {@code "users"."name" NOT LIKE ?}. */
    public final Condition notLike(String pattern) {
        return textMatch(Operator.NOT_LIKE, "notLike", pattern);
    }

    /** {@code USER.NAME.ilike("a%")} renders {@code "users"."name" ILIKE ?} (case-insensitive). */
    public final Condition ilike(String pattern) {
        return textMatch(Operator.ILIKE, "ilike", pattern);
    }

    /** {@code USER.NAME.notIlike("a%")} renders {@code "users"."name" NOT ILIKE ?}. */
    public final Condition notIlike(String pattern) {
        return textMatch(Operator.NOT_ILIKE, "notIlike", pattern);
    }

    /**
     * Containment. On text, {@code USER.NAME.contains("50%")} renders {@code "users"."name" LIKE ?} with
     * the parameter {@code %50\%%}: {@code %}, {@code _} and {@code \} in the value match themselves.
     * On arrays and jsonb, {@code POST.TAGS.contains(List.of("a"))} renders {@code "posts"."tags" @> ?}.
     */
    public final Condition contains(T value) {
        if (type.kind() == PgType.Kind.ARRAY || type.kind() == PgType.Kind.JSON) {
            Operands.requireJsonb(this, "contains");
            return compare(Operator.CONTAINS, "contains", value);
        }
        return escapedMatch(Operator.LIKE, "contains", value, "%", "%");
    }

    /** Arrays and jsonb: {@code POST.TAGS.containedBy(List.of("a", "b"))} renders {@code "posts"."tags" <@ ?}. */
    public final Condition containedBy(T value) {
        Operands.requireKind(this, "containedBy", PgType.Kind.ARRAY, PgType.Kind.JSON);
        Operands.requireJsonb(this, "containedBy");
        return compare(Operator.CONTAINED_BY, "containedBy", value);
    }

    /** Arrays: {@code POST.TAGS.overlaps(List.of("a", "b"))} renders {@code "posts"."tags" && ?}. */
    public final Condition overlaps(T value) {
        Operands.requireKind(this, "overlaps", PgType.Kind.ARRAY);
        return compare(Operator.OVERLAPS, "overlaps", value);
    }

    /** Text: {@code USER.NAME.startsWith("A_")} renders {@code "users"."name" LIKE ?} with {@code A\_%}. */
    public final Condition startsWith(T prefix) {
        return escapedMatch(Operator.LIKE, "startsWith", prefix, "", "%");
    }

    /** Text: {@code USER.EMAIL.endsWith("@x.org")} renders {@code "users"."email" LIKE ?} with {@code %@x.org}. */
    public final Condition endsWith(T suffix) {
        return escapedMatch(Operator.LIKE, "endsWith", suffix, "%", "");
    }

    /** Text: {@code USER.NAME.containsIgnoreCase("50%")} renders {@code "users"."name" ILIKE ?} with {@code %50\%%}. */
    public final Condition containsIgnoreCase(T value) {
        return escapedMatch(Operator.ILIKE, "containsIgnoreCase", value, "%", "%");
    }

    /** Text: {@code USER.NAME.startsWithIgnoreCase("a")} renders {@code "users"."name" ILIKE ?} with {@code a%}. */
    public final Condition startsWithIgnoreCase(T prefix) {
        return escapedMatch(Operator.ILIKE, "startsWithIgnoreCase", prefix, "", "%");
    }

    /** Text: {@code USER.EMAIL.endsWithIgnoreCase("@X.org")} renders {@code "users"."email" ILIKE ?} with {@code %@X.org}. */
    public final Condition endsWithIgnoreCase(T suffix) {
        return escapedMatch(Operator.ILIKE, "endsWithIgnoreCase", suffix, "%", "");
    }

    /** Text: {@code USER.NAME.matches("^A[a-z]+$")} renders {@code "users"."name" ~ ?}, a POSIX regular expression. */
    public final Condition matches(String regex) {
        return textMatch(Operator.REGEX, "matches", regex);
    }

    /** Text: {@code USER.NAME.matchesIgnoreCase("^a")} renders {@code "users"."name" ~* ?}. */
    public final Condition matchesIgnoreCase(String regex) {
        return textMatch(Operator.REGEX_I, "matchesIgnoreCase", regex);
    }

    /** Text: {@code USER.NAME.notMatches("^A")} renders {@code "users"."name" !~ ?}. */
    public final Condition notMatches(String regex) {
        return textMatch(Operator.NOT_REGEX, "notMatches", regex);
    }

    /** Text: {@code USER.NAME.notMatchesIgnoreCase("^a")} renders {@code "users"."name" !~* ?}. */
    public final Condition notMatchesIgnoreCase(String regex) {
        return textMatch(Operator.NOT_REGEX_I, "notMatchesIgnoreCase", regex);
    }

    /** Text: {@code USER.NAME.similarTo("(A|B)%")} renders {@code "users"."name" SIMILAR TO ?}. */
    public final Condition similarTo(String pattern) {
        return textMatch(Operator.SIMILAR_TO, "similarTo", pattern);
    }

    /** Text: {@code USER.NAME.notSimilarTo("(A|B)%")} renders {@code "users"."name" NOT SIMILAR TO ?}. */
    public final Condition notSimilarTo(String pattern) {
        return textMatch(Operator.NOT_SIMILAR_TO, "notSimilarTo", pattern);
    }

    /** Text or array concatenation: {@code USER.NAME.concat("!")} renders {@code "users"."name" || ?}. */
    public final Field<T> concat(T value) {
        Operands.requireKind(this, "concat", PgType.Kind.TEXT, PgType.Kind.ARRAY);
        return new Expression<>(new Binary(node, Operator.CONCAT, Operands.value(this, "concat", value)), type);
    }

    /** {@code a.concat(b)} renders {@code a || b}. */
    public final Field<T> concat(Field<T> other) {
        Operands.requireKind(this, "concat", PgType.Kind.TEXT, PgType.Kind.ARRAY);
        return new Expression<>(new Binary(node, Operator.CONCAT, other.node()), type);
    }

    /** jsonb/json: {@code DOC.BODY.jsonGet("a")} renders {@code "docs"."body" -> ?}, a json value. */
    public final Field<String> jsonGet(String key) {
        Operands.requireKind(this, "jsonGet", PgType.Kind.JSON);
        return new Expression<>(new Binary(node, Operator.JSON_GET, Operands.jsonKey(this, key)), Operands.jsonResult(this));
    }

    /** jsonb/json: {@code DOC.BODY.jsonGet(0)} renders {@code "docs"."body" -> ?}, the array element. */
    public final Field<String> jsonGet(int index) {
        Operands.requireKind(this, "jsonGet", PgType.Kind.JSON);
        return new Expression<>(new Binary(node, Operator.JSON_GET, new Bind(index, PgType.INT4)), Operands.jsonResult(this));
    }

    /** jsonb/json: {@code DOC.BODY.jsonGetText("a")} renders {@code "docs"."body" ->> ?}, as text. */
    public final Field<String> jsonGetText(String key) {
        Operands.requireKind(this, "jsonGetText", PgType.Kind.JSON);
        return new Expression<>(new Binary(node, Operator.JSON_GET_TEXT, Operands.jsonKey(this, key)), PgType.TEXT);
    }

    /** jsonb: {@code DOC.BODY.jsonHasKey("a")} renders {@code "docs"."body" ?? ?} for JDBC ({@code ?} in PostgreSQL). */
    public final Condition jsonHasKey(String key) {
        requireJsonb("jsonHasKey");
        return new Condition(new Binary(node, Operator.JSON_HAS_KEY, Operands.jsonKey(this, key)));
    }

    /** jsonb: {@code DOC.BODY.jsonHasAnyKey("a", "b")} renders {@code "docs"."body" ??| ?} ({@code ?|}). */
    public final Condition jsonHasAnyKey(String... keys) {
        requireJsonb("jsonHasAnyKey");
        return new Condition(new Binary(node, Operator.JSON_HAS_ANY_KEY, Operands.jsonKeys(keys)));
    }

    /** jsonb: {@code DOC.BODY.jsonHasAllKeys("a", "b")} renders {@code "docs"."body" ??& ?} ({@code ?&}). */
    public final Condition jsonHasAllKeys(String... keys) {
        requireJsonb("jsonHasAllKeys");
        return new Condition(new Binary(node, Operator.JSON_HAS_ALL_KEYS, Operands.jsonKeys(keys)));
    }

    // ---- arithmetic, casts, aliases, ordering -------------------------------------------------

    /** {@code USER.AGE.plus(1)} renders {@code "users"."age" + ?}. */
    public final Field<T> plus(T value) {
        return arithmetic(Operator.PLUS, "plus", value);
    }

    /** {@code a.plus(b)} renders {@code a + b}. */
    public final Field<T> plus(Field<T> other) {
        return arithmetic(Operator.PLUS, "plus", other);
    }

    /** {@code USER.AGE.minus(1)} renders {@code "users"."age" - ?}. */
    public final Field<T> minus(T value) {
        return arithmetic(Operator.MINUS, "minus", value);
    }

    /** {@code a.minus(b)} renders {@code a - b}. */
    public final Field<T> minus(Field<T> other) {
        return arithmetic(Operator.MINUS, "minus", other);
    }

    /** {@code ITEM.PRICE.times(2)} renders {@code "items"."price" * ?}. */
    public final Field<T> times(T value) {
        return arithmetic(Operator.TIMES, "times", value);
    }

    /** {@code a.times(b)} renders {@code a * b}. */
    public final Field<T> times(Field<T> other) {
        return arithmetic(Operator.TIMES, "times", other);
    }

    /** {@code ITEM.PRICE.div(2)} renders {@code "items"."price" / ?} (integer division on integer types). */
    public final Field<T> div(T value) {
        return arithmetic(Operator.DIVIDE, "div", value);
    }

    /** {@code a.div(b)} renders {@code a / b}. */
    public final Field<T> div(Field<T> other) {
        return arithmetic(Operator.DIVIDE, "div", other);
    }

    /** {@code USER.AGE.mod(2)} renders {@code "users"."age" % ?}. */
    public final Field<T> mod(T value) {
        return arithmetic(Operator.MOD, "mod", value);
    }

    /** {@code a.mod(b)} renders {@code a % b}. */
    public final Field<T> mod(Field<T> other) {
        return arithmetic(Operator.MOD, "mod", other);
    }

    // ---- dates and times: interval arithmetic ---------------------------------------------------

    /**
     * timestamp, timestamptz, time or interval plus an interval, of the same type:
     * {@code ORDER.CREATED_AT.plusInterval(Duration.ofDays(1))} renders
     * {@code "orders"."created_at" + CAST(? AS interval)}. A date is refused: date + interval is a timestamp in PostgreSQL.
     */
    public final Field<T> plusInterval(Duration interval) {
        return Temporals.shift(this, Operator.PLUS, "plusInterval", Temporals.interval(this, "plusInterval", interval));
    }

    /**
     * With months: {@code ORDER.CREATED_AT.plusInterval(PgInterval.ofMonths(1))} renders
     * {@code "orders"."created_at" + CAST(? AS interval)}, a calendar month later (January 31 gives the end of February).
     */
    public final Field<T> plusInterval(PgInterval interval) {
        return Temporals.shift(this, Operator.PLUS, "plusInterval", Temporals.interval(this, "plusInterval", interval));
    }

    /** {@code ORDER.CREATED_AT.minusInterval(PgInterval.ofYears(1))} renders {@code "orders"."created_at" - CAST(? AS interval)}. */
    public final Field<T> minusInterval(PgInterval interval) {
        return Temporals.shift(this, Operator.MINUS, "minusInterval", Temporals.interval(this, "minusInterval", interval));
    }

    /** {@code EVENT.AT.plusInterval(EVENT.DELAY)} renders {@code "events"."at" + "events"."delay"}; see {@link #plusInterval(Duration)}. */
    public final Field<T> plusInterval(Field<? extends TemporalAmount> interval) {
        return Temporals.shift(this, Operator.PLUS, "plusInterval", Temporals.interval(this, "plusInterval", interval));
    }

    /** {@code ORDER.CREATED_AT.minusInterval(Duration.ofHours(2))} renders {@code "orders"."created_at" - CAST(? AS interval)}. */
    public final Field<T> minusInterval(Duration interval) {
        return Temporals.shift(this, Operator.MINUS, "minusInterval", Temporals.interval(this, "minusInterval", interval));
    }

    /** {@code a.minusInterval(f)} renders {@code a - f}, {@code f} an interval field. */
    public final Field<T> minusInterval(Field<? extends TemporalAmount> interval) {
        return Temporals.shift(this, Operator.MINUS, "minusInterval", Temporals.interval(this, "minusInterval", interval));
    }

    /** {@code USER.AGE.cast(PgType.INT8)} renders {@code CAST("users"."age" AS int8)}. */
    public final <U> Field<U> cast(PgType<U> target) {
        return new Expression<>(new Expr.Cast(node, target), target);
    }

    /** {@code count().as("n")} renders {@code count(*) AS "n"} in a select list. */
    public final Field<T> as(String alias) {
        return new Expression<>(new Expr.Alias(unaliased(), dev.belay.dsl.internal.Identifiers.check(alias, "alias")), type);
    }

    /** {@code USER.NAME.asc()} renders {@code "users"."name" ASC}. */
    public final SortField<T> asc() {
        return new SortField<>(this, false, null);
    }

    /** {@code USER.NAME.desc()} renders {@code "users"."name" DESC}. */
    public final SortField<T> desc() {
        return new SortField<>(this, true, null);
    }

    /** The expression with its values inlined as literals, for logs and messages. */
    @Override
    public String toString() {
        return SqlRenderer.inline(node);
    }

    // ---- helpers -----------------------------------------------------------------------------

    final Expr unaliased() {
        return node instanceof Expr.Alias a ? a.operand() : node;
    }

    private Condition compare(Operator op, String name, @Nullable T value) {
        return new Condition(new Binary(node, op, Operands.value(this, name, value)));
    }

    private Condition compare(Operator op, Field<T> other) {
        return new Condition(new Binary(node, op, other.node()));
    }

    /** A comparison where NULL matches nothing: a Param operand must not be bound to NULL. */
    private Condition compare(Operator op, String name, Field<T> other) {
        Supplier<String> where = () -> name + "(" + other + ") on " + this;
        return new Condition(new Binary(NullComparison.operand(node, where), op,
                NullComparison.operand(other.node(), where)));
    }

    /** A LIKE/ILIKE whose value matches itself: its wildcards escaped, {@code before} and {@code after} added. */
    private Condition escapedMatch(Operator op, String name, @Nullable T value, String before, String after) {
        return textMatch(op, name, before + Operands.escapeLike(Operands.text(this, name, value)) + after);
    }

    private Condition textMatch(Operator op, String name, String pattern) {
        return new Condition(new Binary(node, op, Operands.pattern(this, name, pattern)));
    }

    private Field<T> arithmetic(Operator op, String name, @Nullable T value) {
        Operands.requireKind(this, name, PgType.Kind.NUMERIC);
        return new Expression<>(new Binary(node, op, Operands.value(this, name, value)), type);
    }

    private Field<T> arithmetic(Operator op, String name, Field<T> other) {
        Operands.requireKind(this, name, PgType.Kind.NUMERIC);
        return new Expression<>(new Binary(node, op, other.node()), type);
    }

    private void requireJsonb(String op) {
        Operands.requireKind(this, op, PgType.Kind.JSON);
        Operands.requireJsonb(this, op);
    }
}
