-- guards: stg_events
-- Every event comes from an article that the lake holds.
select e.event_id, e.article_id, e.evidence
from {{ ref('stg_events') }} as e
anti join {{ ref('stg_articles') }} as a on a.article_id = e.article_id
