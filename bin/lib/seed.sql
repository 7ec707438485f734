-- The standard blog dataset of DATASET.md, generated inside PostgreSQL (no data crosses the wire):
-- every value is a closed-form function of row numbers, so the same parameters give the same rows.
-- Replaces every account, post, comment and tag; administrators are kept (with new ids after the
-- dataset's users) and every token issued before is revoked, since ids now name other people.
--
-- psql variables: users, posts, comments, tags, password_hash (the hash of "password" for all users);
-- the market's: categories, products (reviews and carts follow from them).
\set ON_ERROR_STOP on
SET client_min_messages = warning;

-- text(s, n) of DATASET.md. Word i is WORDS[(s*131 + i*31) % 64], and s*131 % 64 depends on s % 64 alone,
-- so there are only 64 texts of each length: they are made once into dataset_texts (every length the
-- dataset uses, up to 100 words), and a million comments look theirs up instead of each building it.
CREATE FUNCTION pg_temp.make_text(s bigint, n int) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT upper(left(x, 1)) || substr(x, 2) || '.'
      FROM (SELECT string_agg(('{lorem,ipsum,dolor,sit,amet,consectetur,adipiscing,elit,sed,do,eiusmod,tempor,'
                               'incididunt,ut,labore,et,dolore,magna,aliqua,enim,ad,minim,veniam,quis,nostrud,'
                               'exercitation,ullamco,laboris,nisi,aliquip,ex,ea,commodo,consequat,duis,aute,irure,'
                               'in,reprehenderit,voluptate,velit,esse,cillum,fugiat,nulla,pariatur,excepteur,sint,'
                               'occaecat,cupidatat,non,proident,sunt,culpa,qui,officia,deserunt,mollit,anim,id,est,'
                               'laborum,perspiciatis,unde}'::text[])[(s * 131 + i * 31) % 64 + 1], ' ' ORDER BY i) AS x
              FROM generate_series(0, n - 1) AS i) AS words
$$;

CREATE TEMP TABLE dataset_texts (r int, n int, text text NOT NULL, PRIMARY KEY (r, n));
INSERT INTO dataset_texts SELECT r, n, pg_temp.make_text(r, n) FROM generate_series(0, 63) AS r, generate_series(1, 100) AS n;
ANALYZE dataset_texts;

CREATE FUNCTION pg_temp.dataset_text(s bigint, n int) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce((SELECT text FROM dataset_texts WHERE r = s % 64 AND dataset_texts.n = $2), pg_temp.make_text(s, n))
$$;

-- %04d: at least four digits, more when the number needs them.
CREATE FUNCTION pg_temp.padded(n bigint, width int) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT lpad(n::text, greatest(width, length(n::text)), '0') $$;

BEGIN;

CREATE TEMP TABLE kept_admin ON COMMIT DROP AS SELECT * FROM app_user WHERE role = 'ADMIN' ORDER BY id;
-- Higher than any token version ever issued: every earlier access or refresh token stops working.
SELECT coalesce(max(token_version), 0) + 1 AS token_version FROM app_user \gset

TRUNCATE app_user, tag RESTART IDENTITY CASCADE;

INSERT INTO app_user (id, username, email, password_hash, bio, created, token_version)
SELECT u, 'user' || pg_temp.padded(u, 4), 'user' || pg_temp.padded(u, 4) || '@example.com', :'password_hash',
       'Bio of user' || pg_temp.padded(u, 4) || '. ' || pg_temp.dataset_text(u, 12),
       timestamptz '2023-12-31T00:00Z', :token_version
  FROM generate_series(1, :users) AS u;
SELECT setval(pg_get_serial_sequence('app_user', 'id'), :users + 1, false) \g /dev/null
INSERT INTO app_user (username, email, password_hash, bio, phone, city, address, role, created, token_version)
SELECT username, email, password_hash, bio, phone, city, address, role, created, :token_version FROM kept_admin;

INSERT INTO tag (id, name)
SELECT t, 'tag' || pg_temp.padded(t, 3) FROM generate_series(1, :tags) AS t;

INSERT INTO post (id, author_id, title, content, created, updated)
SELECT p, (p - 1) % :users + 1,
       'Post ' || p || ': ' || rtrim(pg_temp.dataset_text(p, 4), '.'),
       pg_temp.dataset_text(p, 60 + (p % 41)::int),
       at, at
  FROM generate_series(1, :posts) AS p,
       LATERAL (SELECT timestamptz '2024-01-01T00:00Z' + p * interval '10 minutes' AS at) AS created;

INSERT INTO post_tag (post_id, tag_id)
SELECT DISTINCT p, t
  FROM generate_series(1, :posts) AS p,
       unnest(ARRAY[p % :tags + 1, 7 * p % :tags + 1, 13 * p % :tags + 1]) AS t;

INSERT INTO comment (id, post_id, author_id, content, created)
SELECT (p - 1) * :comments + j, p, (7 * p + j) % :users + 1,
       'Comment ' || j || ' on post ' || p || ': ' || t.text,
       timestamptz '2024-01-01T00:00Z' + p * interval '10 minutes' + j * interval '1 minute'
  FROM generate_series(1, :posts) AS p CROSS JOIN generate_series(1, :comments) AS j
  JOIN dataset_texts AS t ON t.r = (100 * p + j) % 64 AND t.n = 10 + (p * j % 21)::int;

SELECT setval(pg_get_serial_sequence('tag', 'id'), :tags + 1, false) \g /dev/null
SELECT setval(pg_get_serial_sequence('post', 'id'), :posts + 1, false) \g /dev/null
SELECT setval(pg_get_serial_sequence('comment', 'id'), :posts * :comments + 1, false) \g /dev/null

-- The market. Reviews, carts and orders went with the accounts (TRUNCATE app_user ... CASCADE); the
-- simulated payment provider's ledger goes too.
TRUNCATE image, category, product, payment_charge RESTART IDENTITY CASCADE;

INSERT INTO category (id, name, slug, description)
SELECT c, coalesce(named.name, 'Category ' || c),
       coalesce(lower(replace(named.name, ' ', '-')), 'category-' || c),
       'Everything in ' || lower(coalesce(named.name, 'category ' || c)) || '. ' || pg_temp.dataset_text(1000 + c, 16)
  FROM generate_series(1, :categories) AS c
  LEFT JOIN unnest('{Synthesizers,Drum machines,Guitars,Basses,Keyboards,Microphones,Audio interfaces,Headphones,'
                   'Studio monitors,Effects pedals}'::text[]) WITH ORDINALITY AS named(name, n) ON named.n = c;

-- Product p: category (p - 1) % categories + 1; one in fifty is inactive; stock 0-49 (some sold out).
INSERT INTO product (id, category_id, name, description, price, stock, active, created, updated)
SELECT p, (p - 1) % :categories + 1,
       ('{Arcton,Belmar,Corvid,Dunmore,Elkhart,Fenwick,Galvin,Harlow,Ivory,Jessup,Kestrel,Lumen}'::text[])[p * 7 % 12 + 1]
           || ' ' || initcap(split_part(pg_temp.dataset_text(p, 2), ' ', 1)) || ' ' || p,
       pg_temp.dataset_text(2000 + p, 30 + (p % 31)::int),
       round(5 + (p * 7919 % 200000) / 100.0, 2), (p * 37 % 50)::int, p % 50 <> 0,
       at, at
  FROM generate_series(1, :products) AS p,
       LATERAL (SELECT timestamptz '2024-01-01T00:00Z' + p * interval '1 hour' AS at) AS created;

-- Product p has p % 4 reviews, by distinct users.
INSERT INTO review (product_id, author_id, rating, content, created)
SELECT p, (13 * p + 7 * k) % :users + 1, (p + 3 * k) % 5 + 1, pg_temp.dataset_text(3000 * p + k, 8 + (p % 13)::int),
       timestamptz '2024-06-01T00:00Z' + p * interval '1 hour' + k * interval '1 minute'
  FROM generate_series(1, :products) AS p, generate_series(0, 2) AS k
 WHERE k < p % 4
ON CONFLICT (product_id, author_id) DO NOTHING;

SELECT setval(pg_get_serial_sequence('category', 'id'), :categories + 1, false) \g /dev/null
SELECT setval(pg_get_serial_sequence('product', 'id'), :products + 1, false) \g /dev/null

COMMIT;

-- Fresh statistics for the planner and a visibility map for index-only scans (comment counts).
VACUUM ANALYZE app_user, tag, post, post_tag, comment, category, product, review, cart_item;
