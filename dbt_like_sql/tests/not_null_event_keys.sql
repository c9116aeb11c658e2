-- guards: stg_events
-- Every event has an id, an article and a type.
select event_id, article_id, event_type, evidence
from {{ ref('stg_events') }}
where event_id is null or article_id is null or event_type is null
