package com.acme;

import com.acme.base.Entity;
import dev.belay.dsl.annotations.Column;
import dev.belay.dsl.annotations.Table;
import java.math.BigDecimal;

/** A mutable class: inherited fields first, then its own; static and transient fields are no columns. */
@Table("invoices")
public class Invoice extends Entity {
    static int created;
    private String number;
    @Nullable private BigDecimal total;
    @Column("paid") private boolean isPaid;
    private transient String cache;

    public Invoice() {}
}
