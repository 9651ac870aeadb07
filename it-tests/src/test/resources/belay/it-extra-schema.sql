-- Tables the dsl fixtures describe that fixture-schema.sql does not create; applied after it, in the same
-- fresh database. Doc (Table.of(Doc.class)) maps to "app"."docs".
CREATE SCHEMA app;

CREATE TABLE app.docs (
    id        uuid PRIMARY KEY,
    body      jsonb NOT NULL,
    is_public boolean NOT NULL
);
