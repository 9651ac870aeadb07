package com.acme;

import dev.belay.dsl.annotations.Id;
import dev.belay.dsl.annotations.Table;

/** A composite key. */
@Table("order_lines")
public record OrderLine(@Id Long orderId, @Id int lineNo, String sku, int quantity) {}
