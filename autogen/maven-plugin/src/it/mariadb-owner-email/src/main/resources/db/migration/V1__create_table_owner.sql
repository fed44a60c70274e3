CREATE TABLE owner (
    id        BIGINT       NOT NULL PRIMARY KEY,
    full_name VARCHAR(100) NOT NULL
);
