-- guards: stg_events
-- Event ids are stable and unique: one row per event.
select event_id, count(*) as rows, list(article_id) as articles
from {{ ref('stg_events') }}
group by event_id
having count(*) > 1
