-- PLACEHOLDER on branch h-health only: stands for another helper's
-- migration 0010 so 0011 loads. Drop this file when merging.
SELECT 1;
