-- 0014_placeholder.sql: stands in for 0014 (search), which lands from
-- another branch; the lead drops this file when merging.
SELECT 1;
