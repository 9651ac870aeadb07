-- A script that fails: the class using it must fail naming this file, and leave no database behind.
CREATE TABLE broken (id int4 PRIMARY KEY);
INSERT INTO no_such_table VALUES (1);
