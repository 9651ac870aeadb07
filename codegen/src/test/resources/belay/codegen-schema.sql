-- The schema the CLI's golden files are generated from: every type Belay maps, keys of every kind, enums,
-- arrays, views, comments, foreign keys (plain, to itself, in a cycle), and names Java cannot take as they are.
CREATE SCHEMA shop;

CREATE TYPE shop.mood AS ENUM ('HAPPY', 'SAD');
COMMENT ON TYPE shop.mood IS 'How a customer feels.';
CREATE TYPE shop.status AS ENUM ('in progress', 'done');   -- labels that are no Java names
CREATE DOMAIN shop.email AS text CHECK (VALUE LIKE '%@%');

CREATE TABLE shop.customer (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      shop.email NOT NULL UNIQUE,
    name       text NOT NULL,
    mood       shop.mood,
    created_at timestamptz NOT NULL DEFAULT now());
COMMENT ON TABLE shop.customer IS 'Someone who buys <things> & pays.';
COMMENT ON COLUMN shop.customer.email IS 'Where the */ receipts go.';

CREATE TABLE shop.everything (
    id          serial PRIMARY KEY,
    small       int2 NOT NULL,
    "integer"   int4 NOT NULL,
    big         int8,
    amount      numeric(10, 2),
    real_value  float4,
    dbl         float8,
    flag        bool NOT NULL DEFAULT false,
    uid         uuid NOT NULL DEFAULT gen_random_uuid(),
    day         date,
    at_time     time,
    local_ts    timestamp,
    at          timestamptz,
    span        interval,
    bytes       bytea,
    doc         jsonb,
    raw         json,
    code        varchar(20),
    label       text,
    tags        text[],
    scores      int4[] NOT NULL DEFAULT '{}',
    moods       shop.mood[],
    status      shop.status,
    address     inet,
    doubled     int4 GENERATED ALWAYS AS ("integer" * 2) STORED);

CREATE TABLE shop."order" (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id bigint NOT NULL REFERENCES shop.customer,
    "class"     text NOT NULL,
    "default"   bool NOT NULL);

CREATE TABLE shop.order_line (
    order_id uuid NOT NULL REFERENCES shop."order",
    line_no  int4 NOT NULL,
    sku      text NOT NULL,
    "Qty"    int4 NOT NULL,
    qty      int4,
    PRIMARY KEY (order_id, line_no));

CREATE TABLE shop."OrderLine" (id int8 PRIMARY KEY, "Note" text);

CREATE TABLE shop.category (
    id        int8 PRIMARY KEY,
    parent_id int8 REFERENCES shop.category,
    name      text NOT NULL);

CREATE TABLE shop.egg (id int8 PRIMARY KEY, hen_id int8);
CREATE TABLE shop.hen (id int8 PRIMARY KEY, egg_id int8 REFERENCES shop.egg);
ALTER TABLE shop.egg ADD FOREIGN KEY (hen_id) REFERENCES shop.hen;

CREATE TABLE shop."3d-model" ("string" text NOT NULL, "String" text);

CREATE VIEW shop.customer_orders AS
    SELECT c.name, count(o.id) AS orders FROM shop.customer c LEFT JOIN shop."order" o ON o.customer_id = c.id
    GROUP BY c.name;
COMMENT ON VIEW shop.customer_orders IS 'Orders per customer.';

-- PgType.enumType and PgType.custom name a type without its schema: the application's connections find "mood"
-- through the search_path, as they would in an application whose schema is on it.
DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = shop, public', current_database()); END $$;
