-- "Early Bird" rewarded submitting first whatever the quality; the catalog replaced it with "Comeback"
-- (improvement). Its criteria no longer parse, so the row goes; students' events keep their points.
DELETE FROM "Badge" WHERE "name" = 'Early Bird';
