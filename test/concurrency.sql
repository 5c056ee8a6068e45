-- pgTAP (WORK IN PROGRESS, issue 18): chat concurrency window functions,
-- figures worked out by hand.
\set schema concurrency
\ir helpers.psql

SELECT plan(4);
SET TimeZone = 'UTC';
-- operator a: chat 1 10:00-10:10, chat 2 10:05-10:15, chat 3 10:06-10:07, chat 4 10:15-10:20 (starts as
-- chat 2 ends: no overlap), chat 5 of zero length at 10:06:30, chat 6 without an end; operator b: one chat
CREATE TABLE chats (op text, id int, s timestamptz, e timestamptz);
INSERT INTO chats VALUES ('a', 1, '2026-03-02 10:00', '2026-03-02 10:10'), ('a', 2, '2026-03-02 10:05', '2026-03-02 10:15'),
	('a', 3, '2026-03-02 10:06', '2026-03-02 10:07'), ('a', 4, '2026-03-02 10:15', '2026-03-02 10:20'),
	('a', 5, '2026-03-02 10:06:30', '2026-03-02 10:06:30'), ('a', 6, '2026-03-02 10:30', NULL),
	('b', 1, '2026-03-02 11:00', '2026-03-02 11:30');
-- by hand: 10:00-10:05 chat 1 alone (300 s), 10:05-10:06 chats 1, 2 (30 s each), 10:06-10:07 chats 1, 2, 3
-- (20 s each), 10:07-10:10 chats 1, 2 (90 s each), 10:10-10:15 chat 2 alone (300 s), 10:15-10:20 chat 4 (300 s)
SELECT is((SELECT string_agg(format('%s:%s/%s', op || id, a, m), ' ' ORDER BY op, id)
	FROM (SELECT op, id, adjusted_handle_seconds(s, e) OVER w a, max_concurrency(s, e) OVER w m
		FROM chats WINDOW w AS (PARTITION BY op)) x),
	'a1:440/3 a2:440/3 a3:20/3 a4:300/1 a5:0/4 a6:/ b1:1800/1',
	'adjusted time and maximum concurrency per chat (a zero-length chat counts itself; no end: NULL)');
SELECT is((SELECT string_agg(op || '=' || t, ' ' ORDER BY op) FROM (SELECT op, sum(a) t FROM (SELECT op,
	adjusted_handle_seconds(s, e) OVER (PARTITION BY op) a FROM chats) x GROUP BY op) y),
	'a=1200 b=1800', 'the adjusted times of an operator''s chats add up to its busy time (10:00-10:20: 1200 s)');
SELECT is((SELECT string_agg(coalesce(a::text, '-'), ',' ORDER BY id DESC) FROM (SELECT id,
	adjusted_handle_seconds(s, e) OVER (PARTITION BY op ORDER BY id DESC) a FROM chats WHERE op = 'a') x),
	'-,0,300,20,440,440', 'the same whatever the order of the partition''s rows');
SELECT throws_ok($$SELECT adjusted_handle_seconds(e, s) OVER () FROM chats WHERE op = 'b'$$, '22023',
	'a chat ends before it starts', 'an end before the start: 22023');

SELECT * FROM finish();
DROP SCHEMA :"schema" CASCADE;
