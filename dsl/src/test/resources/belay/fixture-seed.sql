-- Rows the DML goldens' expected effects are counted against (Golden.rows): it-tests loads this once into a
-- fresh database, then runs each golden in a transaction it rolls back. Identity values are 1, 2, 3 in order.
INSERT INTO users (name, email, age) VALUES
    ('Alice', 'alice@example.org', 30),
    ('Bob', 'bob@example.org', 17),
    ('Carol', 'carol@example.org', NULL);

INSERT INTO orders (user_id, total, status, tags) VALUES
    (1, 120.00, 'PAID', '{gift,rush}'),
    (1, 15.50, 'NEW', '{}'),
    (2, 300.00, 'SHIPPED', '{rush}');

INSERT INTO nodes (id, parent_id, label) VALUES
    (1, NULL, 'root'),
    (2, 1, 'child'),
    (3, 2, 'leaf'),
    (4, 1, 'stale');

INSERT INTO events (note) VALUES ('boot');

INSERT INTO wide (id, c1) VALUES (1, 'one');
