package dev.belay.it.docs;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The descriptor of {@link Order}: an enum column and an array column (docs/types.md). */
// tag::order-table[]
public final class OrderTable extends Table<Order> {
    public static final OrderTable ORDER = new OrderTable();
    public final Column<Order, Long>         ID      = column("id", PgType.INT8).primaryKey().generated();
    public final Column<Order, Long>         USER_ID = column("user_id", PgType.INT8);
    public final Column<Order, BigDecimal>   TOTAL   = column("total", PgType.NUMERIC);
    public final Column<Order, Order.Status> STATUS  =
            column("status", PgType.enumType("order_status", Order.Status.class));
    public final Column<Order, List<String>> TAGS    = column("tags", PgType.arrayOf(PgType.TEXT));
    public final Column<Order, Instant>      CREATED_AT = column("created_at", PgType.TIMESTAMPTZ).generated();
    private OrderTable() { super("orders", Order.class); }
}
// end::order-table[]
