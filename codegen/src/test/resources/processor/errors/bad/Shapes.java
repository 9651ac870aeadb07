package bad;

import dev.belay.dsl.annotations.Column;
import dev.belay.dsl.annotations.Table;

final class Shapes {
    private Shapes() {}

    @Table("iface")
    interface Iface {} // error: cannot describe bad.Shapes$Iface as a table: it is not a record or a concrete class

    @Table("abstract")
    abstract static class Abstract { // error: it is not a record or a concrete class
        Long id;
    }

    @Table("no_default")
    static final class NoDefault { // error: it is neither a record nor a class with a no-argument constructor
        Long id;

        NoDefault(Long id) {
            this.id = id;
        }
    }

    @Table("generic")
    record Generic<T>(T value) {} // error: a generic type cannot be a row type

    @Table("hidden")
    private record Hidden(Long id) {} // error: it is private

    @Table("empty")
    record Empty() {} // error: it has no components or fields to map to columns

    @Table("twice")
    record Twice(Long id, @Column("id") Long other) {} // error: component 'other': table "twice" declares column "id" twice

    @Table("same_field")
    record SameField(Long userId, @Column("uid") Long user_id) {} // error: component 'user_id': its column field USER_ID is the name of another component's

    @Table("a_table_name_that_is_far_too_long_for_postgresql_to_keep_it_whole")
    record TooLong(Long id) {} // error: table name 'a_table_name_that_is_far_too_long_for_postgresql_to_keep_it_whole' is 65 bytes long
}
