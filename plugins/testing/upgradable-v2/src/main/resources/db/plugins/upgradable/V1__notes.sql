CREATE TABLE plugin_upgradable_note (id BIGINT PRIMARY KEY, text VARCHAR(200) NOT NULL);
