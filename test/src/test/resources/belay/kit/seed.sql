-- Runs after schema.sql: two rows every test class that names it starts with.
INSERT INTO items (id, name) VALUES (1, 'one'), (2, 'two');
