-- guards: stg_event_participants
-- Every participant belongs to an event that exists, and has a name.
select p.event_id, p.article_id, p.person_name, p.role
from {{ ref('stg_event_participants') }} as p
where p.person_name is null or p.person_name = ''
   or p.event_id not in (select event_id from {{ ref('stg_events') }} where event_id is not null)
