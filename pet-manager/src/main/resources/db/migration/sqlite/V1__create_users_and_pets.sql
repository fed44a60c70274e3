-- Users and the pets they own. Timestamps are epoch milliseconds (UTC); dates are ISO-8601 text.
CREATE TABLE users (
    id         INTEGER      NOT NULL PRIMARY KEY AUTOINCREMENT,
    name       VARCHAR(100) NOT NULL,
    email      VARCHAR(254) NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT uq_users_email UNIQUE (email)
);

CREATE TABLE pets (
    id         INTEGER      NOT NULL PRIMARY KEY AUTOINCREMENT,
    name       VARCHAR(100) NOT NULL,
    species    VARCHAR(16)  NOT NULL,
    birth_date VARCHAR(10),
    owner_id   INTEGER      NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT fk_pets_owner_id_users FOREIGN KEY (owner_id) REFERENCES users (id),
    CONSTRAINT ck_pets_species CHECK (species IN ('DOG', 'CAT', 'BIRD', 'RABBIT', 'OTHER'))
);

CREATE INDEX ix_pets_owner_id ON pets (owner_id);
