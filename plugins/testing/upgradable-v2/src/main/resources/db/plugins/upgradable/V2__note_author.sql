ALTER TABLE plugin_upgradable_note ADD COLUMN author VARCHAR(200);
