-- 0012_reserved.sql: intentionally empty. Number 12 is reserved for a
-- migration on another branch; this placeholder only keeps the numbers
-- without a gap on the branch that added 0013. Delete it when that
-- branch's 0012 is merged.
SELECT 1;
