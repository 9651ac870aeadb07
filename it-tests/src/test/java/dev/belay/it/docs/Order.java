package dev.belay.it.docs;

import dev.belay.dsl.annotations.Generated;
import dev.belay.dsl.annotations.Id;
import dev.belay.dsl.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The second row type of the documentation: the fixture schema's "orders" table. */
// tag::order-record[]
@Table("orders")
public record Order(@Id @Generated Long id, Long userId, BigDecimal total, Status status,
                    List<String> tags, @Generated Instant createdAt) {
    public enum Status { NEW, PAID, SHIPPED }   // CREATE TYPE order_status AS ENUM ('NEW', 'PAID', 'SHIPPED')
}
// end::order-record[]
