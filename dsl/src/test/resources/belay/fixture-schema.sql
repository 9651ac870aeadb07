-- The tables the test descriptors in dev.belay.dsl.fixtures describe. it-tests applies this file to a
-- fresh database per test class, then it-tests' own belay/it-extra-schema.sql (schema "app", "app"."docs").
CREATE TYPE order_status AS ENUM ('NEW', 'PAID', 'SHIPPED');

CREATE TABLE users (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL,
    email      text NOT NULL UNIQUE,
    age        integer,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id),
    total      numeric(12, 2) NOT NULL,
    status     order_status NOT NULL DEFAULT 'NEW',
    tags       text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE nodes (
    id        bigint PRIMARY KEY,
    parent_id bigint REFERENCES nodes (id),
    label     text NOT NULL
);
