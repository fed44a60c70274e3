CREATE INDEX ix_pets_name ON pets (name);
