-- The schema the test descriptors in dev.belay.dsl.fixtures describe. it-tests creates it in a fresh
-- schema per test class (the search_path points there); "app"."docs" lives in its own schema "app".
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
