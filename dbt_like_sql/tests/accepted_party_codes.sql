-- guards: stg_events
-- Party codes on events and participants are codes of the party lexicon (akhbar/lexicons/parties.tsv).
select 'events' as source, event_id, party
from {{ ref('stg_events') }}
where party is not null and party not in (select value from vocabularies where vocabulary = 'party')
union all
select 'event_participants', event_id, party
from {{ ref('stg_event_participants') }}
where party is not null and party not in (select value from vocabularies where vocabulary = 'party')
