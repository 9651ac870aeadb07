package bad;

import dev.belay.dsl.annotations.Table;

@Table("user_type")
record UserType(Long id, Point at) { // error: cannot describe bad.UserType as a table: component 'at': no default PostgreSQL type for Java type bad.UserType.Point; name one explicitly (PgType.enumType(...), PgType.arrayOf(...), PgType.custom(...)). Annotate it with @Column(type = "...") or write a descriptor
    record Point(int x, int y) {}
}
