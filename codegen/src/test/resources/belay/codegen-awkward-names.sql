-- names that collide with Java: a table shadowing java.lang.Override, columns records may not have, a table whose
-- instance constant would meet a column's field
CREATE SCHEMA s_override;
CREATE TABLE s_override."override" (id int4 PRIMARY KEY, v text);
CREATE TABLE s_override.suppress_warnings (id int4 PRIMARY KEY);
CREATE SCHEMA s_names;
CREATE TABLE s_names.settings (id int4 PRIMARY KEY, notify bool, "wait" int4, to_string text, hash_code int4,
    get_class text, clone text, finalize text, notify_all text);
CREATE SCHEMA s_const;
CREATE TABLE s_const.users (id int4 PRIMARY KEY, users_table text, users text);
-- a domain over a domain is its base type
CREATE SCHEMA s_domains;
CREATE DOMAIN s_domains.posint AS int4 CHECK (VALUE > 0);
CREATE DOMAIN s_domains.small_posint AS s_domains.posint CHECK (VALUE < 100);
CREATE TABLE s_domains.measures (id int4 PRIMARY KEY, small s_domains.small_posint);
