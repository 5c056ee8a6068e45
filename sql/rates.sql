--
-- Share-of-contacts rates: share_pct, transfer_rate, containment_rate.
--
CREATE TABLE contacts (
	id integer,
	day date,
	channel text,
	transferred boolean,
	started_with_bot boolean,
	closed_by_bot boolean
);
-- chat: 6 contacts, 2 transferred, 1 unknown; 4 bot-started, 3 closed by the bot
-- phone: 4 contacts, 1 transferred; no bot
INSERT INTO contacts VALUES
	(1, '2026-03-01', 'chat', false, true, true),
	(2, '2026-03-01', 'chat', true, true, false),
	(3, '2026-03-02', 'chat', false, true, true),
	(4, '2026-03-02', 'chat', NULL, true, true),
	(5, '2026-03-03', 'chat', true, false, NULL),
	(6, '2026-03-03', 'chat', false, false, NULL),
	(7, '2026-03-01', 'phone', false, false, NULL),
	(8, '2026-03-02', 'phone', true, false, NULL),
	(9, '2026-03-03', 'phone', false, false, NULL),
	(10, '2026-03-03', 'phone', false, false, NULL);

-- transfer rate: chat 2 of 5 known = 40 %; phone 1 of 4 = 25 %
SELECT channel, transfer_rate(transferred), count(transferred) AS known
FROM contacts GROUP BY channel ORDER BY channel;

-- containment among bot-started contacts: 3 of 4 = 75 %
-- (contacts that did not start with the bot are left out with FILTER, or pass NULL)
SELECT containment_rate(closed_by_bot) FILTER (WHERE started_with_bot) AS containment,
	containment_rate(closed_by_bot) AS same_with_nulls
FROM contacts;

-- bot handoff rate = share of bot-started contacts that reached an operator: 1 of 4
SELECT share_pct(NOT closed_by_bot) FILTER (WHERE started_with_bot) AS bot_handoff FROM contacts;

-- two-step: daily states, rolled up; Wilson interval of the share
CREATE TABLE transfer_daily AS
SELECT day, share_agg(transferred) AS st FROM contacts GROUP BY day;
SELECT day, st FROM transfer_daily ORDER BY day;
SELECT share_pct(rollup(st)), share_hits(rollup(st)), share_total(rollup(st)),
	round(share_ci_lower(rollup(st)), 2) AS ci_low, round(share_ci_upper(rollup(st)), 2) AS ci_high
FROM transfer_daily;

-- Wilson example of the definitions: 13 of 16 -> [56.99, 93.41] %
SELECT round(share_ci_lower(st), 2), round(share_ci_upper(st), 2), round(share_ci_lower(st, 0.99), 2)
FROM (SELECT share_agg(i <= 13) AS st FROM generate_series(1, 16) i) s;

-- rolling: transfer rate of the last 3 contacts
SELECT id, transferred, round(transfer_rate(transferred) OVER (ORDER BY id ROWS 2 PRECEDING), 2) AS last3
FROM contacts ORDER BY id;

-- NULLs and empty input
SELECT share_pct(b) IS NULL AS all_null FROM (VALUES (NULL::boolean), (NULL)) v(b);
SELECT share_pct(b) IS NULL AS empty, share_agg(b) IS NULL AS empty_state FROM contacts, LATERAL (SELECT transferred) x(b) WHERE false;
SELECT share_pct(true), share_pct(false);

-- text form
SELECT '{"version":1,"kind":"share","hits":3,"total":5}'::share_state;
SELECT share_pct(' { "total" : 5 , "hits" : 3 , "kind" : "share" , "version" : 1 } '::share_state);

-- errors
SELECT '{"version":1,"kind":"share","hits":6,"total":5}'::share_state;
SELECT '{"version":1,"kind":"share","hits":-1,"total":5}'::share_state;
SELECT '{"version":1,"kind":"share","hits":1}'::share_state;
SELECT '{"version":2,"kind":"share","hits":1,"total":1}'::share_state;
SELECT '{"version":1,"kind":"nps","hits":1,"total":1}'::share_state;
SELECT share_ci_lower(share_agg(true), 0);
SELECT share_state_accum(NULL, true);
SELECT share_state_uncombine('{"version":1,"kind":"share","hits":2,"total":5}', '{"version":1,"kind":"share","hits":1,"total":1}');
SELECT share_state_uncombine('{"version":1,"kind":"share","hits":1,"total":1}', '{"version":1,"kind":"share","hits":1,"total":2}');
SELECT share_state_uncombine('{"version":1,"kind":"share","hits":3,"total":5}', '{"version":1,"kind":"share","hits":0,"total":3}');
-- the Wilson interval reaches 0 and 100 exactly
SELECT share_ci_lower(share_agg(false)), share_ci_upper(share_agg(true)) FROM generate_series(1, 3);
