/* support_kpi--1.1--1.2.sql: version 1.2 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION support_kpi UPDATE TO '1.2'" to load this file. \quit
