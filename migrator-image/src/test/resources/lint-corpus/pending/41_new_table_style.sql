CREATE TABLE tags (
    id serial PRIMARY KEY,
    name varchar(50) NOT NULL,
    created timestamp NOT NULL DEFAULT now()
);
