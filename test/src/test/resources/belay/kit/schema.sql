-- The test kit's own fixture: one table, created by @BelayTest(scripts = ...) before every class that names it.
CREATE TABLE items (
    id   int4 PRIMARY KEY,
    name text NOT NULL
);
