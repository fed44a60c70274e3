-- a second branch also took V2
CREATE INDEX ix_pets_nickname ON pets (nickname);
