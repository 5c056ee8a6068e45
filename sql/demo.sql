--
-- Demo data: generate_demo_contacts() and generate_demo_events() are
-- deterministic, have the volumes of a mid-size support line, and the
-- contacts and their events agree.
--
SET timezone = 'UTC';
CREATE TEMP TABLE dc AS SELECT * FROM generate_demo_contacts();
-- the same arguments give the same rows (whatever the session time zone); another seed others
SET timezone = 'Asia/Tokyo';
SELECT (SELECT md5(string_agg(d::text, '|' ORDER BY contact_id)) FROM generate_demo_contacts(2) d)
     = (SELECT md5(string_agg(d::text, '|' ORDER BY contact_id)) FROM generate_demo_contacts(2, '2026-01-01', 42) d)
       AS same_rows,
       (SELECT md5(string_agg(d::text, '|' ORDER BY contact_id)) FROM dc d WHERE arrived_at < '2026-03-01 00:00+00')
     = (SELECT md5(string_agg(d::text, '|' ORDER BY contact_id)) FROM generate_demo_contacts(2) d)
       AS prefix_of_a_year,
       (SELECT md5(string_agg(d::text, '|' ORDER BY contact_id)) FROM generate_demo_contacts(2, '2026-01-01', 43) d)
    <> (SELECT md5(string_agg(d::text, '|' ORDER BY contact_id)) FROM generate_demo_contacts(2) d)
       AS other_seed_differs;
RESET timezone;
SET timezone = 'UTC';
-- the rows of the reference arguments, pinned
SELECT count(*), md5(string_agg(d::text, '|' ORDER BY contact_id)) FROM generate_demo_contacts(1) d;
SELECT count(*), md5(string_agg(e::text, '|' ORDER BY contact_id, at, kind, operator_id)) FROM generate_demo_events(1) e;
-- volumes per month in the ranges of the seed reports
SELECT date_trunc('month', arrived_at)::date AS month,
       count(*) FILTER (WHERE channel = 'chat') BETWEEN 6000 AND 10500 AS chats_ok,
       count(*) FILTER (WHERE channel = 'call') BETWEEN 200 AND 1000 AS calls_ok,
       count(*) FILTER (WHERE channel = 'email') BETWEEN 250 AND 600 AS emails_ok,
       count(DISTINCT operator_id) BETWEEN 15 AND 25 AS operators_ok,
       round(avg(rating), 1) AS avg_rating,
       round(avg(extract(epoch FROM answered_at - arrived_at)) FILTER (WHERE channel = 'chat'), -1) AS chat_frt_s
FROM dc GROUP BY 1 ORDER BY 1;
SELECT count(*) BETWEEN 100000 AND 120000 AS about_110k, count(DISTINCT customer_id) AS customers,
       count(*) FILTER (WHERE segment = 'partner') * 100 / count(*) AS partner_pct,
       count(*) FILTER (WHERE repeat_of IS NOT NULL) * 100 / count(*) AS repeat_pct,
       count(*) FILTER (WHERE bot_handled) * 100 / count(*) FILTER (WHERE channel = 'chat') AS chats_with_bot_pct
FROM dc;
-- consistency of every row
SELECT count(*) FILTER (WHERE answered_at < arrived_at OR answered_at < offered_at) AS answered_before_arrival,
       count(*) FILTER (WHERE abandoned_at IS NOT NULL AND (answered_at IS NOT NULL OR operator_id IS NOT NULL
                        OR talk_seconds IS NOT NULL OR handle_seconds IS NOT NULL OR rating IS NOT NULL)) AS abandoned_but_handled,
       count(*) FILTER (WHERE (answered_at IS NOT NULL) <> (operator_id IS NOT NULL)) AS answer_without_operator,
       count(*) FILTER (WHERE answered IS DISTINCT FROM CASE WHEN offered_at IS NOT NULL THEN answered_at IS NOT NULL END) AS answered_flag,
       count(*) FILTER (WHERE wait_seconds IS DISTINCT FROM extract(epoch FROM coalesce(answered_at, abandoned_at) - offered_at)::int) AS wait_mismatch,
       count(*) FILTER (WHERE channel = 'call' AND answered_at IS NOT NULL
                        AND handle_seconds <> talk_seconds + hold_seconds + wrap_seconds) AS call_handle_mismatch,
       count(*) FILTER (WHERE channel <> 'call' AND talk_seconds IS NOT NULL) AS talk_outside_calls,
       count(*) FILTER (WHERE resolved <> (resolved_at IS NOT NULL) OR resolved_at < arrived_at) AS resolution_mismatch,
       count(*) FILTER (WHERE bot_contained AND (NOT bot_handled OR offered_at IS NOT NULL)) AS contained_mismatch,
       count(*) FILTER (WHERE transferred <> (transferred_to IS NOT NULL) OR transferred_to = operator_id) AS transfer_mismatch,
       count(*) FILTER (WHERE rating NOT BETWEEN 1 AND 5 OR nps NOT BETWEEN 0 AND 10 OR ces NOT BETWEEN 1 AND 7) AS off_scale,
       count(*) FILTER (WHERE first_contact_resolved AND (NOT resolved OR repeat_of IS NOT NULL)) AS fcr_mismatch
FROM dc;
SELECT count(*) AS repeats_not_within_7_days
FROM dc r JOIN dc f ON f.contact_id = r.repeat_of
WHERE r.customer_id <> f.customer_id OR r.arrived_at <= f.arrived_at OR r.arrived_at > f.arrived_at + interval '7 days'
   OR f.first_contact_resolved OR f.resolved;
-- the events of two months tell the same story as the contacts
CREATE TEMP TABLE dt AS
SELECT contact_id, contact_timeline(kind, at, party, operator_id) AS t FROM generate_demo_events(2) GROUP BY contact_id;
SELECT count(*) AS contacts,
       count(*) FILTER (WHERE t.t IS NULL) AS without_events,
       count(*) FILTER (WHERE first_response_time(t.t) IS DISTINCT FROM
                        CASE WHEN c.channel <> 'call' THEN extract(epoch FROM c.answered_at - c.arrived_at)::float8 END) AS frt_mismatch,
       count(*) FILTER (WHERE c.channel <> 'email' AND handle_time(t.t) IS DISTINCT FROM c.handle_seconds::float8) AS handle_mismatch,
       count(*) FILTER (WHERE hold_time(t.t) <> coalesce(c.hold_seconds, 0)) AS hold_mismatch,
       count(*) FILTER (WHERE is_resolved(t.t) <> c.resolved
                        OR time_to_resolution(t.t) IS DISTINCT FROM extract(epoch FROM c.resolved_at - c.arrived_at)::float8) AS resolution_mismatch,
       count(*) FILTER (WHERE is_abandoned(t.t) <> (c.abandoned_at IS NOT NULL)) AS abandon_mismatch,
       count(*) FILTER (WHERE transfer_count(t.t) <> c.transferred::int) AS transfer_mismatch,
       count(*) FILTER (WHERE first_event_at(t.t) <> c.arrived_at) AS start_mismatch,
       count(*) FILTER (WHERE c.bot_handled AND NOT c.bot_contained AND c.answered_at IS NOT NULL AND NOT bot_handoff(t.t)) AS handoff_mismatch
FROM generate_demo_contacts(2) c LEFT JOIN dt t USING (contact_id);
-- arguments
SELECT count(*) FROM generate_demo_contacts(0);
SELECT count(*) FROM generate_demo_contacts(121);
SELECT count(*) FROM generate_demo_events(1, '2026-01-15');
SELECT count(*) FROM generate_demo_contacts(1, 'infinity');
SELECT count(*) FROM generate_demo_contacts(NULL);
SELECT count(*) FROM generate_demo_contacts(1, '2030-02-01', -7) WHERE arrived_at < '2030-02-01' OR arrived_at >= '2030-03-01';
-- helpers: demo_uniform against an independent numeric formula (bits 11..63 of the doubled
-- hash, as an unsigned number, over 2^53; times 2^53 is exact in double precision), demo_loglogistic against power(); STRICT, so NULL gives NULL
SELECT count(*) AS keys,
       count(*) FILTER (WHERE (demo_uniform(k, 42) * 9007199254740992)::bigint <> div(hashint8extended(hashint8extended(k, 42), 42)::numeric
           + CASE WHEN hashint8extended(hashint8extended(k, 42), 42) < 0 THEN 18446744073709551616 ELSE 0 END, 2048)) AS formula_mismatch,
       count(*) FILTER (WHERE demo_uniform(k, 42) < 0 OR demo_uniform(k, 42) >= 1) AS outside_0_1,
       round(avg(demo_uniform(k, 42))::numeric, 2) AS mean,
       round(corr(demo_uniform(k, 42), demo_uniform(k + 1, 42))::numeric, 2) AS neighbour_corr
FROM generate_series(0, 99999) k;
SELECT demo_loglogistic(0.5, 100, 4) AS median_4, demo_loglogistic(0.5, 100, 2) AS median_2,
       demo_loglogistic(0.8, 100, 4) = 100 * power(4::float8, 0.25) AS q80_shape4,
       demo_loglogistic(0.8, 100, 2) = 100 * power(4::float8, 0.5) AS q80_shape2,
       demo_loglogistic(0, 100, 4) AS at_zero,
       demo_loglogistic(NULL, 100, 4) IS NULL AND demo_uniform(NULL, 1) IS NULL AS null_gives_null;
SELECT demo_loglogistic(1, 100, 4);
SELECT demo_loglogistic(1.5, 100, 4);
