-- Listing pets by species is a common filter.
CREATE INDEX ix_pets_species ON pets (species);
